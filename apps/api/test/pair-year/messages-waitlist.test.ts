import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  emailOutbox,
  invitations,
  menteeApplications,
  notifications,
  relationships,
} from '../../src/db/schema/index.js';
import { sendNudges } from '../../src/services/pair-year/nudges.js';
import { pairYearCounts } from '../../src/services/pair-year/staff-counts.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { mentee, mentor, pairUp } from '../helpers/people.js';
import { get, post } from '../journey/pairs.js';

const DAY = 86_400_000;

describe('messages, waitlist, nudges, early completion', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await makeTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });
  const inbox = async (who: string, kind: string) =>
    await ctx.app.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, who), eq(notifications.kind, kind)));

  it('R-MSG-1/R-MSG-3: partners write to each other; unread counts, read receipts, one email per unread burst without the text', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const id = await pairUp(ctx.app, me, them);
    expect(
      (
        await post(ctx.app, me, `/relationships/${id}/messages`, {
          body: 'Can we talk about <b>budgets</b>? https://hhs.gov',
        })
      ).statusCode,
    ).toBe(201);
    await post(ctx.app, me, `/relationships/${id}/messages`, { body: 'Second thought' });
    expect((await get(ctx.app, them, '/me/messages/unread')).json()).toMatchObject({
      total: 2,
      threads: [{ kind: 'relationship', id, unread: 2 }],
    });
    const emails = (
      await ctx.app.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, them.employee.email))
    ).filter((e) => e.subject.includes('New message'));
    expect(emails).toHaveLength(1);
    expect(emails[0]!.textBody).not.toContain('budgets');
    const thread = (await get(ctx.app, them, `/relationships/${id}/messages`)).json();
    expect(thread.messages.map((m: { body: string }) => m.body)).toEqual([
      'Can we talk about <b>budgets</b>? https://hhs.gov',
      'Second thought',
    ]);
    expect((await get(ctx.app, them, '/me/messages/unread')).json().total).toBe(0);
    expect((await get(ctx.app, me, `/relationships/${id}/messages`)).json().partnerReadUpTo).toBe(
      thread.messages[1].id,
    );
  });

  it('R-MSG-1: nobody else reads a thread, coordinators included; an invitation thread starts with its message', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const coordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    const other = await makeUser(ctx.app);
    const inv = (
      await post(ctx.app, me, '/invitations', { mentorId: them.employee.id, message: 'Would you mentor me?' })
    ).json();
    expect(
      (await post(ctx.app, them, `/invitations/${inv.id}/messages`, { body: 'What are your goals?' }))
        .statusCode,
    ).toBe(201);
    const thread = (await get(ctx.app, me, `/invitations/${inv.id}/messages`)).json();
    expect(thread.messages.map((m: { body: string }) => m.body)).toEqual([
      'Would you mentor me?',
      'What are your goals?',
    ]);
    expect((await get(ctx.app, coordinator, `/invitations/${inv.id}/messages`)).statusCode).toBe(404);
    expect((await get(ctx.app, other, `/invitations/${inv.id}/messages`)).statusCode).toBe(404);
  });

  it('R-MSG-2: empty and oversized messages are refused with a problem', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const id = await pairUp(ctx.app, me, them);
    const blank = await post(ctx.app, me, `/relationships/${id}/messages`, { body: '   ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json()).toMatchObject({ rule: 'R-MSG-2' });
    expect(
      (await post(ctx.app, me, `/relationships/${id}/messages`, { body: 'x'.repeat(2001) })).statusCode,
    ).toBe(400);
  });

  it('R-WAIT-1/R-WAIT-2/R-WAIT-3: mentees wait for a full mentor in order; the card counts them; an ending tells the first', async () => {
    const full = await mentor(ctx.app, { capacity: 1 });
    const first = await mentee(ctx.app);
    const id = await pairUp(ctx.app, first, full);
    const a = await mentee(ctx.app);
    const b = await mentee(ctx.app);
    expect(
      (
        await ctx.app.inject({
          method: 'PUT',
          url: `/api/v1/me/waitlists/${full.employee.id}`,
          headers: a.auth,
        })
      ).json(),
    ).toMatchObject({ position: 1 });
    expect(
      (
        await ctx.app.inject({
          method: 'PUT',
          url: `/api/v1/me/waitlists/${full.employee.id}`,
          headers: b.auth,
        })
      ).json(),
    ).toMatchObject({ position: 2 });
    expect((await get(ctx.app, a, `/mentors/${full.employee.id}`)).json()).toMatchObject({
      menteesWaiting: 2,
    });
    const open = await mentor(ctx.app);
    expect(
      (
        await ctx.app.inject({
          method: 'PUT',
          url: `/api/v1/me/waitlists/${open.employee.id}`,
          headers: a.auth,
        })
      ).json(),
    ).toMatchObject({ rule: 'R-WAIT-1' });

    const coordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    expect(
      (await post(ctx.app, coordinator, `/relationships/${id}/terminate`, { reason: 'Mentor moved on' }))
        .statusCode,
    ).toBe(200);
    expect(await inbox(a.employee.id, 'waitlist.place_free')).toHaveLength(1);
    expect(await inbox(b.employee.id, 'waitlist.place_free')).toHaveLength(0);
    expect((await get(ctx.app, b, '/me/waitlists')).json().items).toMatchObject([
      { position: 1, notifiedAt: null },
    ]);
  });

  it('R-NUDGE-1..4: unmatched mentees at 14 and 30 days, unanswered invitations at 5 days, unconfirmed acceptances; once each; opt-out respected', async () => {
    const now = new Date();
    const waiting = await mentee(ctx.app);
    const quietOne = await mentee(ctx.app);
    await ctx.app.db
      .update(menteeApplications)
      .set({ createdAt: new Date(now.getTime() - 15 * DAY) })
      .where(eq(menteeApplications.employeeId, waiting.employee.id));
    await ctx.app.db
      .update(menteeApplications)
      .set({ createdAt: new Date(now.getTime() - 15 * DAY) })
      .where(eq(menteeApplications.employeeId, quietOne.employee.id));
    await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-preferences',
      headers: quietOne.auth,
      payload: { nudgesOff: true },
    });
    const m = await mentor(ctx.app);
    const inv = (
      await post(ctx.app, waiting, '/invitations', { mentorId: m.employee.id, message: 'Hi' })
    ).json();
    await ctx.app.db
      .update(invitations)
      .set({ sentAt: new Date(now.getTime() - 6 * DAY) })
      .where(eq(invitations.id, inv.id));

    await sendNudges(ctx.app.db, now, 'http://localhost');
    await sendNudges(ctx.app.db, now, 'http://localhost');
    expect(await inbox(waiting.employee.id, 'nudge.unmatched')).toHaveLength(1);
    expect(await inbox(quietOne.employee.id, 'nudge.unmatched')).toHaveLength(0);
    expect(await inbox(m.employee.id, 'nudge.invitation')).toHaveLength(1);

    await ctx.app.db
      .update(menteeApplications)
      .set({ createdAt: new Date(now.getTime() - 31 * DAY) })
      .where(eq(menteeApplications.employeeId, waiting.employee.id));
    await post(ctx.app, m, `/invitations/${inv.id}/accept`);
    await ctx.app.db
      .update(invitations)
      .set({ answeredAt: new Date(now.getTime() - 4 * DAY) })
      .where(eq(invitations.id, inv.id));
    await sendNudges(ctx.app.db, now, 'http://localhost');
    expect(await inbox(waiting.employee.id, 'nudge.unmatched')).toHaveLength(2);
    expect(await inbox(waiting.employee.id, 'nudge.unconfirmed')).toHaveLength(1);
    const counts = await pairYearCounts(ctx.app.db, null, now);
    expect(counts.remindersLast30Days).toMatchObject({
      unmatched: expect.any(Number),
      invitation: expect.any(Number),
      unconfirmed: expect.any(Number),
    });
    expect(counts.remindersLast30Days.unconfirmed).toBeGreaterThanOrEqual(1);
  });

  it('R-END-1/R-END-2: completed early once both partners and the coordinator agree after the minimum period; counted apart; frees the place', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app, { capacity: 1 });
    const coordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    const id = await pairUp(ctx.app, me, them);
    expect(
      (await post(ctx.app, me, `/relationships/${id}/early-completion`, { note: '' })).json(),
    ).toMatchObject({ rule: 'R-END-1' });
    await ctx.app.db
      .update(relationships)
      .set({ confirmedAt: new Date(Date.now() - 120 * DAY) })
      .where(eq(relationships.id, id));
    const waiter = await mentee(ctx.app);
    await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/me/waitlists/${them.employee.id}`,
      headers: waiter.auth,
    });
    await post(ctx.app, me, `/relationships/${id}/early-completion`, { note: 'Goals met' });
    const halfway = (await post(ctx.app, them, `/relationships/${id}/early-completion`, { note: '' })).json();
    expect(halfway).toMatchObject({
      completedEarly: false,
      agreed: { mentor: expect.any(String), mentee: expect.any(String), coordinator: null },
    });
    expect(
      (await post(ctx.app, coordinator, `/relationships/${id}/early-completion`, { note: 'Agreed' })).json(),
    ).toMatchObject({ completedEarly: true });
    expect((await get(ctx.app, me, `/relationships/${id}`)).json()).toMatchObject({ state: 'completed' });
    expect(await inbox(waiter.employee.id, 'waitlist.place_free')).toHaveLength(1);
    const report = (await get(ctx.app, coordinator, '/reports/outcomes')).json();
    const all = report.rows.find((r: { opdiv: string }) => r.opdiv === 'ALL');
    expect(all.completedEarly).toBeGreaterThanOrEqual(1);
    expect((await pairYearCounts(ctx.app.db, ['CDC'])).completedEarly).toBeGreaterThanOrEqual(1);
  });
});
