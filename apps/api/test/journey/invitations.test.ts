import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { employees, invitations, notifications, relationships } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { expireDueInvitations } from '../../src/services/platform/clock-jobs.js';
import { mentee, mentor, pairUp } from '../helpers/people.js';
import { clientFor } from '../helpers/client.js';

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
    const before = await clientFor(ctx.app, me).GET('/api/v1/directory/{id}', {
      params: { path: { id: them.employee.id } },
    });
    expect(before.data!.contact).toBeNull();
    const inv = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
      body: {
        mentorId: them.employee.id,
        message: 'Would you mentor me?',
      },
    });
    expect(inv.response.status).toBe(201);
    const inbox = await ctx.app.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, them.employee.id));
    expect(inbox.map((n) => n.kind)).toContain('invitation.received');
    expect(
      (
        await clientFor(ctx.app, them).POST('/api/v1/invitations/{id}/accept', {
          params: { path: { id: inv.data!.id } },
        })
      ).data!.state,
    ).toBe('accepted');
    expect(
      (
        await clientFor(ctx.app, me).GET('/api/v1/directory/{id}', {
          params: { path: { id: them.employee.id } },
        })
      ).data!.contact!.email,
    ).toBe(them.employee.email);
  });

  it('R-INV-1: refuses inviting oneself and changes nothing', async () => {
    const me = await mentee(ctx.app);
    const res = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
      body: { mentorId: me.employee.id, message: '' },
    });
    expect(res.response.status).toBe(422);
    expect(res.error!.rule).toBe('R-INV-1');
    expect(await count(me.employee.id)).toBe(0);
  });

  it('R-PLAT-1: refuses an S2J invitation to a mentor of lower grade or in the chain', async () => {
    const boss = await mentor(ctx.app, { grade: '15' });
    const me = await mentee(ctx.app, { supervisorId: boss.employee.id });
    const junior = await mentor(ctx.app, { grade: '9' });
    for (const m of [boss, junior]) {
      const res = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
        body: { mentorId: m.employee.id, message: '' },
      });
      expect(res.response.status).toBe(409);
      expect(res.error!.rule).toBe('R-PLAT-1');
    }
    expect(await count(me.employee.id)).toBe(0);
  });

  it('R-APP-2: refuses inviting a paused mentor', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app, { paused: true });
    const res = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
      body: { mentorId: them.employee.id, message: '' },
    });
    expect(res.error!.rule).toBe('R-APP-2');
    expect(await count(me.employee.id)).toBe(0);
  });

  it('R-MATCH-1: refuses a second open invitation to the same mentor, and one to a mentor who declined', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const first = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
      body: { mentorId: them.employee.id, message: '' },
    });
    expect(
      (
        await clientFor(ctx.app, me).POST('/api/v1/invitations', {
          body: { mentorId: them.employee.id, message: '' },
        })
      ).error!.rule,
    ).toBe('R-MATCH-1');
    const declined = await clientFor(ctx.app, them).POST('/api/v1/invitations/{id}/decline', {
      params: { path: { id: first.data!.id } },
      body: {
        reason: 'time_constraints',
      },
    });
    expect(declined.data!.state).toBe('declined');
    const again = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
      body: { mentorId: them.employee.id, message: '' },
    });
    expect(again.error!.rule).toBe('R-MATCH-1');
    expect(await count(me.employee.id)).toBe(1);
  });

  it('R-CAP-3: refuses a 4th open invitation', async () => {
    const me = await mentee(ctx.app);
    for (let i = 0; i < 3; i++) {
      const m = await mentor(ctx.app);
      expect(
        (
          await clientFor(ctx.app, me).POST('/api/v1/invitations', {
            body: { mentorId: m.employee.id, message: '' },
          })
        ).response.status,
      ).toBe(201);
    }
    const fourth = await mentor(ctx.app);
    const res = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
      body: { mentorId: fourth.employee.id, message: '' },
    });
    expect(res.response.status).toBe(409);
    expect(res.error!.rule).toBe('R-CAP-3');
    expect(await count(me.employee.id)).toBe(3);
  });

  it('R-LIFE-8: an illegal transition is a 409 naming the rule; only the mentee confirms', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const inv = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
      body: { mentorId: them.employee.id, message: '' },
    });
    const early = await clientFor(ctx.app, me).POST('/api/v1/invitations/{id}/confirm', {
      params: { path: { id: inv.data!.id } },
    });
    expect(early.response.status).toBe(409);
    expect(early.error!.rule).toBe('R-LIFE-8');
    expect(
      (
        await clientFor(ctx.app, them).POST('/api/v1/invitations/{id}/confirm', {
          params: { path: { id: inv.data!.id } },
        })
      ).response.status,
    ).toBe(403);
  });

  it('confirming creates the relationship and closes the other open invitations (their mentors are told)', async () => {
    const me = await mentee(ctx.app);
    const other = await mentor(ctx.app);
    const them = await mentor(ctx.app);
    const otherInv = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
      body: { mentorId: other.employee.id, message: '' },
    });
    const relId = await pairUp(ctx.app, me, them);
    expect(
      (await clientFor(ctx.app, me).GET('/api/v1/relationships/{id}', { params: { path: { id: relId } } }))
        .data!.state,
    ).toBe('onboarding');
    expect(
      (
        await clientFor(ctx.app, me).GET('/api/v1/invitations/{id}', {
          params: { path: { id: otherInv.data!.id } },
        })
      ).data!.state,
    ).toBe('withdrawn');
    const inbox = await ctx.app.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, other.employee.id));
    expect(inbox.map((n) => n.kind)).toContain('invitation.withdrawn');
  });

  it('R-CAP-2: a mentee with a live relationship cannot invite again', async () => {
    const me = await mentee(ctx.app);
    await pairUp(ctx.app, me, await mentor(ctx.app));
    const res = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
      body: {
        mentorId: (await mentor(ctx.app)).employee.id,
        message: '',
      },
    });
    expect(res.error!.rule).toBe('R-CAP-2');
  });

  it('R-CAP-1: a full mentor cannot be confirmed', async () => {
    const them = await mentor(ctx.app, { capacity: 1 });
    const a = await mentee(ctx.app);
    const b = await mentee(ctx.app);
    const invB = await clientFor(ctx.app, b).POST('/api/v1/invitations', {
      body: { mentorId: them.employee.id, message: '' },
    });
    await clientFor(ctx.app, them).POST('/api/v1/invitations/{id}/accept', {
      params: { path: { id: invB.data!.id } },
    });
    await pairUp(ctx.app, a, them);
    const res = await clientFor(ctx.app, b).POST('/api/v1/invitations/{id}/confirm', {
      params: { path: { id: invB.data!.id } },
    });
    expect(res.response.status).toBe(409);
    expect(res.error!.rule).toBe('R-CAP-1');
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
      const inv = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
        body: { mentorId: them.employee.id, message: '' },
      });
      expect(
        (
          await clientFor(ctx.app, them).POST('/api/v1/invitations/{id}/accept', {
            params: { path: { id: inv.data!.id } },
          })
        ).response.status,
      ).toBe(200);
      await change(me, them);
      const res = await clientFor(ctx.app, me).POST('/api/v1/invitations/{id}/confirm', {
        params: { path: { id: inv.data!.id } },
      });
      expect(res.response.status).toBe(409);
      expect(res.response.headers.get('content-type')).toContain('application/problem+json');
      expect(res.error!.rule).toBe('R-PLAT-1');
      expect(
        await ctx.app.db.select().from(relationships).where(eq(relationships.menteeId, me.employee.id)),
      ).toHaveLength(0);
      const [still] = await ctx.app.db.select().from(invitations).where(eq(invitations.id, inv.data!.id));
      expect(still!.state).toBe('accepted');
    }
  });

  it('R-INVT-2: an already-agreed invitation is confirmed when the mentor accepts', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const inv = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
      body: {
        mentorId: them.employee.id,
        message: '',
        alreadyAgreed: true,
      },
    });
    const res = await clientFor(ctx.app, them).POST('/api/v1/invitations/{id}/accept', {
      params: { path: { id: inv.data!.id } },
    });
    expect(res.data!.state).toBe('confirmed');
    expect(res.data!.relationshipId).toBeTruthy();
  });

  it('R-INVT-1: the expiry job expires due invitations and notifies the mentee, once', async () => {
    const me = await mentee(ctx.app);
    const inv = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
      body: {
        mentorId: (await mentor(ctx.app)).employee.id,
        message: '',
      },
    });
    const later = new Date(Date.now() + 15 * 86_400_000);
    expect(await expireDueInvitations(ctx.app.db, later, 'http://x')).toBeGreaterThanOrEqual(1);
    expect(await expireDueInvitations(ctx.app.db, later, 'http://x')).toBe(0);
    expect(
      (
        await clientFor(ctx.app, me).GET('/api/v1/invitations/{id}', {
          params: { path: { id: inv.data!.id } },
        })
      ).data!.state,
    ).toBe('expired');
    const inbox = await ctx.app.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, me.employee.id));
    expect(inbox.filter((n) => n.kind === 'invitation.expired')).toHaveLength(1);
  });

  it('R-SEC-3: an outsider cannot read an invitation', async () => {
    const me = await mentee(ctx.app);
    const inv = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
      body: {
        mentorId: (await mentor(ctx.app)).employee.id,
        message: '',
      },
    });
    const outsider = await makeUser(ctx.app);
    expect(
      (
        await clientFor(ctx.app, outsider).GET('/api/v1/invitations/{id}', {
          params: { path: { id: inv.data!.id } },
        })
      ).response.status,
    ).toBe(404);
  });
});
