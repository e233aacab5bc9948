import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { employees, invitations, notifications, relationships } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { expireDueInvitations } from '../../src/services/platform/clock-jobs.js';
import { get, mentee, mentor, pairUp, post } from './pairs.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());
const count = async (menteeId: string) =>
  (await ctx.app.db.select().from(invitations).where(eq(invitations.menteeId, menteeId))).length;

describe('invitations (§6)', () => {
  it('R-INVT-1: inviting notifies the mentor; accepting reveals contact details (R-MATCH-5)', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const before = await get(ctx.app, me, `/directory/${them.employee.id}`);
    expect(before.json().contact).toBeNull();
    const inv = await post(ctx.app, me, '/invitations', {
      mentorId: them.employee.id,
      message: 'Would you mentor me?',
    });
    expect(inv.statusCode).toBe(201);
    const inbox = await ctx.app.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, them.employee.id));
    expect(inbox.map((n) => n.kind)).toContain('invitation.received');
    expect((await post(ctx.app, them, `/invitations/${inv.json().id}/accept`)).json().state).toBe('accepted');
    expect((await get(ctx.app, me, `/directory/${them.employee.id}`)).json().contact.email).toBe(
      them.employee.email,
    );
  });

  it('R-INV-1: refuses inviting oneself and changes nothing', async () => {
    const me = await mentee(ctx.app);
    const res = await post(ctx.app, me, '/invitations', { mentorId: me.employee.id, message: '' });
    expect(res.statusCode).toBe(422);
    expect(res.json().rule).toBe('R-INV-1');
    expect(await count(me.employee.id)).toBe(0);
  });

  it('R-PLAT-1: refuses an S2J invitation to a mentor of lower grade or in the chain', async () => {
    const boss = await mentor(ctx.app, { grade: '15' });
    const me = await mentee(ctx.app, { supervisorId: boss.employee.id });
    const junior = await mentor(ctx.app, { grade: '9' });
    for (const m of [boss, junior]) {
      const res = await post(ctx.app, me, '/invitations', { mentorId: m.employee.id, message: '' });
      expect(res.statusCode).toBe(409);
      expect(res.json().rule).toBe('R-PLAT-1');
    }
    expect(await count(me.employee.id)).toBe(0);
  });

  it('R-APP-2: refuses inviting a paused mentor', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app, {}, { paused: true });
    const res = await post(ctx.app, me, '/invitations', { mentorId: them.employee.id, message: '' });
    expect(res.json().rule).toBe('R-APP-2');
    expect(await count(me.employee.id)).toBe(0);
  });

  it('R-MATCH-1: refuses a second open invitation to the same mentor, and one to a mentor who declined', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const first = await post(ctx.app, me, '/invitations', { mentorId: them.employee.id, message: '' });
    expect(
      (await post(ctx.app, me, '/invitations', { mentorId: them.employee.id, message: '' })).json().rule,
    ).toBe('R-MATCH-1');
    const declined = await post(ctx.app, them, `/invitations/${first.json().id}/decline`, {
      reason: 'time_constraints',
    });
    expect(declined.json().state).toBe('declined');
    const again = await post(ctx.app, me, '/invitations', { mentorId: them.employee.id, message: '' });
    expect(again.json().rule).toBe('R-MATCH-1');
    expect(await count(me.employee.id)).toBe(1);
  });

  it('R-CAP-3: refuses a 4th open invitation', async () => {
    const me = await mentee(ctx.app);
    for (let i = 0; i < 3; i++) {
      const m = await mentor(ctx.app);
      expect(
        (await post(ctx.app, me, '/invitations', { mentorId: m.employee.id, message: '' })).statusCode,
      ).toBe(201);
    }
    const fourth = await mentor(ctx.app);
    const res = await post(ctx.app, me, '/invitations', { mentorId: fourth.employee.id, message: '' });
    expect(res.statusCode).toBe(409);
    expect(res.json().rule).toBe('R-CAP-3');
    expect(await count(me.employee.id)).toBe(3);
  });

  it('R-LIFE-8: an illegal transition is a 409 naming the rule; only the mentee confirms', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const inv = await post(ctx.app, me, '/invitations', { mentorId: them.employee.id, message: '' });
    const early = await post(ctx.app, me, `/invitations/${inv.json().id}/confirm`);
    expect(early.statusCode).toBe(409);
    expect(early.json().rule).toBe('R-LIFE-8');
    expect((await post(ctx.app, them, `/invitations/${inv.json().id}/confirm`)).statusCode).toBe(403);
  });

  it('confirming creates the relationship and closes the other open invitations (their mentors are told)', async () => {
    const me = await mentee(ctx.app);
    const other = await mentor(ctx.app);
    const them = await mentor(ctx.app);
    const otherInv = await post(ctx.app, me, '/invitations', { mentorId: other.employee.id, message: '' });
    const relId = await pairUp(ctx.app, me, them);
    expect((await get(ctx.app, me, `/relationships/${relId}`)).json().state).toBe('onboarding');
    expect((await get(ctx.app, me, `/invitations/${otherInv.json().id}`)).json().state).toBe('withdrawn');
    const inbox = await ctx.app.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, other.employee.id));
    expect(inbox.map((n) => n.kind)).toContain('invitation.withdrawn');
  });

  it('R-CAP-2: a mentee with a live relationship cannot invite again', async () => {
    const me = await mentee(ctx.app);
    await pairUp(ctx.app, me, await mentor(ctx.app));
    const res = await post(ctx.app, me, '/invitations', {
      mentorId: (await mentor(ctx.app)).employee.id,
      message: '',
    });
    expect(res.json().rule).toBe('R-CAP-2');
  });

  it('R-CAP-1: a full mentor cannot be confirmed', async () => {
    const them = await mentor(ctx.app, {}, { capacity: 1 });
    const a = await mentee(ctx.app);
    const b = await mentee(ctx.app);
    const invB = await post(ctx.app, b, '/invitations', { mentorId: them.employee.id, message: '' });
    await post(ctx.app, them, `/invitations/${invB.json().id}/accept`);
    await pairUp(ctx.app, a, them);
    const res = await post(ctx.app, b, `/invitations/${invB.json().id}/confirm`);
    expect(res.statusCode).toBe(409);
    expect(res.json().rule).toBe('R-CAP-1');
    expect(
      await ctx.app.db.select().from(relationships).where(eq(relationships.menteeId, b.employee.id)),
    ).toHaveLength(0);
  });

  it("R-INV-2: confirmation re-checks R-PLAT-1 against today's directory and changes nothing when it fails", async () => {
    // The HR feed may change the directory between acceptance and confirmation: a promotion to the mentor's grade, or
    // the mentor becoming the mentee's supervisor. Either way the S2J pair no longer holds and is not confirmed.
    const cases = [
      async (me: Awaited<ReturnType<typeof mentee>>, _them: Awaited<ReturnType<typeof mentor>>) =>
        ctx.app.db
          .update(employees)
          .set({ grade: '14', gradeRank: 14 })
          .where(eq(employees.id, me.employee.id)),
      async (me: Awaited<ReturnType<typeof mentee>>, them: Awaited<ReturnType<typeof mentor>>) =>
        ctx.app.db
          .update(employees)
          .set({ supervisorId: them.employee.id })
          .where(eq(employees.id, me.employee.id)),
    ];
    for (const change of cases) {
      const them = await mentor(ctx.app, { grade: '14' });
      const me = await mentee(ctx.app, { grade: '11' });
      const inv = await post(ctx.app, me, '/invitations', { mentorId: them.employee.id, message: '' });
      expect((await post(ctx.app, them, `/invitations/${inv.json().id}/accept`)).statusCode).toBe(200);
      await change(me, them);
      const res = await post(ctx.app, me, `/invitations/${inv.json().id}/confirm`);
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().rule).toBe('R-PLAT-1');
      expect(
        await ctx.app.db.select().from(relationships).where(eq(relationships.menteeId, me.employee.id)),
      ).toHaveLength(0);
      const [still] = await ctx.app.db.select().from(invitations).where(eq(invitations.id, inv.json().id));
      expect(still!.state).toBe('accepted');
    }
  });

  it('R-INVT-2: an already-agreed invitation is confirmed when the mentor accepts', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const inv = await post(ctx.app, me, '/invitations', {
      mentorId: them.employee.id,
      message: '',
      alreadyAgreed: true,
    });
    const res = await post(ctx.app, them, `/invitations/${inv.json().id}/accept`);
    expect(res.json().state).toBe('confirmed');
    expect(res.json().relationshipId).toBeTruthy();
  });

  it('R-INVT-1: the expiry job expires due invitations and notifies the mentee, once', async () => {
    const me = await mentee(ctx.app);
    const inv = await post(ctx.app, me, '/invitations', {
      mentorId: (await mentor(ctx.app)).employee.id,
      message: '',
    });
    const later = new Date(Date.now() + 15 * 86_400_000);
    expect(await expireDueInvitations(ctx.app.db, later, 'http://x')).toBeGreaterThanOrEqual(1);
    expect(await expireDueInvitations(ctx.app.db, later, 'http://x')).toBe(0);
    expect((await get(ctx.app, me, `/invitations/${inv.json().id}`)).json().state).toBe('expired');
    const inbox = await ctx.app.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, me.employee.id));
    expect(inbox.filter((n) => n.kind === 'invitation.expired')).toHaveLength(1);
  });

  it('R-SEC-3: an outsider cannot read an invitation', async () => {
    const me = await mentee(ctx.app);
    const inv = await post(ctx.app, me, '/invitations', {
      mentorId: (await mentor(ctx.app)).employee.id,
      message: '',
    });
    const outsider = await makeUser(ctx.app);
    expect((await get(ctx.app, outsider, `/invitations/${inv.json().id}`)).statusCode).toBe(404);
  });
});
