import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NUDGES } from '@hhs-mentoring/domain';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { emailOutbox, invitations, menteeApplications, notifications } from '../../src/db/schema/index.js';
import { scheduledJobs } from '../../src/jobs/index.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { sendNudges } from '../../src/services/pair-year/nudges.js';
import { pairYearCounts } from '../../src/services/pair-year/staff-counts.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { clientFor } from '../helpers/client.js';
import { mentee, mentor, staff } from '../helpers/people.js';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
type Person = Awaited<ReturnType<typeof mentee>>;

/** The reminders for people stuck in the process (issue 17 §4; decision 1001). */
describe('nudges for people stuck in the process', () => {
  let ctx: TestContext;
  let pm: Person;
  beforeAll(async () => {
    ctx = await makeTestApp();
    pm = await staff.programManager(ctx.app);
  });
  afterAll(async () => ctx?.close());

  const inbox = async (who: string, kind: string) =>
    ctx.app.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, who), eq(notifications.kind, kind)));
  const putSettings = async (change: Record<string, unknown>) => {
    const current = (await ctx.app.inject({ url: '/api/v1/settings', headers: pm.auth })).json();
    return ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/settings',
      headers: pm.auth,
      payload: { ...current.value, ...change },
    });
  };
  afterEach(async () => {
    expect((await putSettings({ ...DEFAULT_NUDGES })).statusCode).toBe(200);
  });
  const appliedAgo = (who: Person, days: number) =>
    ctx.app.db
      .update(menteeApplications)
      .set({ createdAt: ago(days) })
      .where(eq(menteeApplications.employeeId, who.employee.id));
  const nudge = () => sendNudges(ctx.app.db, new Date(), 'http://localhost');
  async function invite(me: Person, them: Person) {
    const inv = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
      body: { mentorId: them.employee.id, message: 'Would you mentor me?' },
    });
    if (!inv.data) throw new Error(JSON.stringify(inv.error));
    return inv.data.id;
  }

  it('R-NUDGE-1: an unmatched mentee is reminded at 14 and at 30 days, once each, with their three best suggested mentors and a reason for each', async () => {
    for (let i = 0; i < 4; i++) await mentor(ctx.app, { lastName: `Suggested${i}` });
    const me = await mentee(ctx.app);
    await appliedAgo(me, 13);
    await nudge();
    expect(await inbox(me.employee.id, 'nudge.unmatched')).toHaveLength(0);

    await appliedAgo(me, 15);
    await nudge();
    await nudge();
    const [first, ...more] = await inbox(me.employee.id, 'nudge.unmatched');
    expect(more).toHaveLength(0);
    const top = (
      await clientFor(ctx.app, me).GET('/api/v1/me/suggestions', { params: { query: { limit: 3 } } })
    ).data!.items;
    expect(top).toHaveLength(3);
    const lines = top.map((s) => `- ${s.mentor.name}: ${s.reasons[0]}.`);
    expect(first!.body).toContain(`Your 3 best suggested mentors today:\n${lines.join('\n')}`);
    expect(first!.data).toEqual({ mentorIds: top.map((s) => s.mentor.id) });
    const [mail] = await ctx.app.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.notificationId, first!.id));
    for (const line of lines) expect(mail!.textBody).toContain(line);

    await appliedAgo(me, 31);
    await nudge();
    await nudge();
    expect(await inbox(me.employee.id, 'nudge.unmatched')).toHaveLength(2);
  });

  it('R-NUDGE-1: the program manager’s reminder days decide when an unmatched mentee is reminded', async () => {
    const me = await mentee(ctx.app);
    expect((await putSettings({ nudgeUnmatchedDays: [20, 40] })).statusCode).toBe(200);
    await appliedAgo(me, 15);
    await nudge();
    expect(await inbox(me.employee.id, 'nudge.unmatched')).toHaveLength(0);
    await appliedAgo(me, 21);
    await nudge();
    await nudge();
    expect(await inbox(me.employee.id, 'nudge.unmatched')).toHaveLength(1);
    await appliedAgo(me, 41);
    await nudge();
    expect(await inbox(me.employee.id, 'nudge.unmatched')).toHaveLength(2);
  });

  it('R-NUDGE-2: a mentor is reminded once of an invitation unanswered for 5 days, before it expires; the days are a program setting', async () => {
    const them = await mentor(ctx.app, { capacity: 3 });
    const sentAgo = (id: string, days: number) =>
      ctx.app.db
        .update(invitations)
        .set({ sentAt: ago(days) })
        .where(eq(invitations.id, id));
    const early = await invite(await mentee(ctx.app), them);
    await sentAgo(early, 4);
    await nudge();
    expect(await inbox(them.employee.id, 'nudge.invitation')).toHaveLength(0);
    await sentAgo(early, 6);
    await nudge();
    await nudge();
    const reminders = await inbox(them.employee.id, 'nudge.invitation');
    expect(reminders.map((n) => n.link)).toEqual([`/invitations/${early}`]);

    expect((await putSettings({ nudgeInvitationDays: 7 })).statusCode).toBe(200);
    const later = await invite(await mentee(ctx.app), them);
    await sentAgo(later, 6);
    await nudge();
    expect(await inbox(them.employee.id, 'nudge.invitation')).toHaveLength(1);
    await sentAgo(later, 8);
    await nudge();
    expect(await inbox(them.employee.id, 'nudge.invitation')).toHaveLength(2);

    const expired = await invite(await mentee(ctx.app), them);
    await ctx.app.db
      .update(invitations)
      .set({ sentAt: ago(10), expiresAt: ago(1) })
      .where(eq(invitations.id, expired));
    await nudge();
    expect((await inbox(them.employee.id, 'nudge.invitation')).map((n) => n.link)).not.toContain(
      `/invitations/${expired}`,
    );
  });

  it('R-NUDGE-3: a mentee is reminded once to confirm an accepted invitation after 3 days; the days are a program setting', async () => {
    const them = await mentor(ctx.app, { capacity: 3 });
    const accepted = async (me: Person, days: number) => {
      const id = await invite(me, them);
      await clientFor(ctx.app, them).POST('/api/v1/invitations/{id}/accept', { params: { path: { id } } });
      await ctx.app.db
        .update(invitations)
        .set({ answeredAt: ago(days) })
        .where(eq(invitations.id, id));
      return id;
    };
    const me = await mentee(ctx.app);
    const id = await accepted(me, 2);
    await nudge();
    expect(await inbox(me.employee.id, 'nudge.unconfirmed')).toHaveLength(0);
    await ctx.app.db
      .update(invitations)
      .set({ answeredAt: ago(4) })
      .where(eq(invitations.id, id));
    await nudge();
    await nudge();
    expect((await inbox(me.employee.id, 'nudge.unconfirmed')).map((n) => n.link)).toEqual([
      `/invitations/${id}`,
    ]);

    expect((await putSettings({ nudgeUnconfirmedDays: 5 })).statusCode).toBe(200);
    const other = await mentee(ctx.app);
    await accepted(other, 4);
    await nudge();
    expect(await inbox(other.employee.id, 'nudge.unconfirmed')).toHaveLength(0);
  });

  it('R-NUDGE-1/R-NUDGE-2: reminder days out of bounds, or under which a reminder could never go out, are refused beside their field', async () => {
    const refused = async (change: Record<string, unknown>) => {
      const res = await putSettings(change);
      expect(res.statusCode).toBe(400);
      return res.json<{ detail: string; errors: { field: string }[] }>();
    };
    expect((await refused({ nudgeUnmatchedDays: [30, 14] })).errors).toEqual([
      expect.objectContaining({ field: '/body/nudgeUnmatchedDays/1' }),
    ]);
    const late = await refused({ nudgeInvitationDays: 14, invitationExpiryDays: 14 });
    expect(late.errors.map((e) => e.field)).toEqual(['/body/nudgeInvitationDays']);
    expect(late.detail).toMatch(/before it expires: enter fewer than 14 days/);
    expect(late.detail).not.toMatch(/nudge[A-Z]|\/body\/|R-NUDGE/);
    expect((await refused({ nudgeUnmatchedDays: [0, 30] })).errors[0]!.field).toBe(
      '/body/nudgeUnmatchedDays/0',
    );
    expect((await refused({ nudgeUnmatchedDays: [14] })).errors[0]!.field).toBe('/body/nudgeUnmatchedDays');
    expect((await refused({ nudgeUnconfirmedDays: 31 })).errors[0]!.field).toBe('/body/nudgeUnconfirmedDays');
    expect((await ctx.app.inject({ url: '/api/v1/settings', headers: pm.auth })).json().value).toMatchObject(
      DEFAULT_NUDGES,
    );
  });

  it('R-NUDGE-4: people who turned reminders off get no reminders, but the required notices still arrive by inbox and email', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    for (const who of [me, them])
      expect(
        (
          await ctx.app.inject({
            method: 'PUT',
            url: '/api/v1/me/notification-preferences',
            headers: who.auth,
            payload: { nudgesOff: true },
          })
        ).statusCode,
      ).toBe(200);
    await appliedAgo(me, 31);
    const id = await invite(me, them);
    await ctx.app.db
      .update(invitations)
      .set({ sentAt: ago(6) })
      .where(eq(invitations.id, id));
    await nudge();
    expect(await inbox(me.employee.id, 'nudge.unmatched')).toHaveLength(0);
    expect(await inbox(them.employee.id, 'nudge.invitation')).toHaveLength(0);
    await clientFor(ctx.app, them).POST('/api/v1/invitations/{id}/accept', { params: { path: { id } } });

    const required = [
      [them, 'invitation.received'],
      [me, 'invitation.accepted'],
    ] as const;
    for (const [who, kind] of required) {
      const [notice] = await inbox(who.employee.id, kind);
      expect(notice, kind).toBeDefined();
      const mail = await ctx.app.db
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.notificationId, notice!.id));
      expect(mail.map((m) => m.toAddress)).toEqual([who.employee.email]);
    }
  });
});

describe('R-NUDGE-5: the coordinator’s counts', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await makeTestApp();
  });
  afterAll(async () => ctx?.close());

  it('R-NUDGE-5: the reminders sent in the last 30 days are counted by kind, each once', async () => {
    const now = new Date();
    const before = (await pairYearCounts(ctx.app.db, null, now)).remindersLast30Days;
    const waiting = await mentee(ctx.app);
    await ctx.app.db
      .update(menteeApplications)
      .set({ createdAt: ago(15) })
      .where(eq(menteeApplications.employeeId, waiting.employee.id));
    const them = await mentor(ctx.app);
    const inv = (
      await clientFor(ctx.app, await mentee(ctx.app)).POST('/api/v1/invitations', {
        body: { mentorId: them.employee.id, message: 'Hello' },
      })
    ).data!;
    await ctx.app.db
      .update(invitations)
      .set({ sentAt: ago(6) })
      .where(eq(invitations.id, inv.id));
    await sendNudges(ctx.app.db, now, 'http://localhost');
    await sendNudges(ctx.app.db, now, 'http://localhost');
    const after = (await pairYearCounts(ctx.app.db, null, now)).remindersLast30Days;
    // The other mentee applied today: only `waiting` is due a reminder.
    expect(after).toEqual({
      ...before,
      unmatched: before.unmatched + 1,
      invitation: before.invitation + 1,
    });
  });
});

describe('R-NUDGE-1..3: the nudges job on two app instances sharing one database', () => {
  // Two "API processes": on PostgreSQL each with its own connection pool, on PGlite sharing the one instance.
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await makeTestApp();
  });
  afterAll(async () => ctx?.close());

  it('R-NUDGE-1..3: run at the same moment by both instances, the job runs on one and each reminder goes out once', async () => {
    const database = ctx.url ? await openDatabase({ databaseUrl: ctx.url, poolSize: 4 }) : ctx.database;
    const replica = await buildApp({ config: testConfig(), database });
    await replica.ready();
    try {
      const due: Person[] = [];
      for (let i = 0; i < 6; i++) due.push(await mentee(ctx.app));
      await ctx.app.db
        .update(menteeApplications)
        .set({ createdAt: ago(15) })
        .where(
          inArray(
            menteeApplications.employeeId,
            due.map((p) => p.employee.id),
          ),
        );
      const config = testConfig();
      const runners = [ctx.app, replica].map((app) => {
        const { jobs, close } = scheduledJobs(config, app.db, app.log);
        const job = jobs.find((j) => j.name === 'nudges')!;
        return { job, close, runner: new JobRunner(app.db, jobs, app.log) };
      });
      try {
        expect(runners.map((r) => r.job.scope)).toEqual(['once', 'once']);
        const ran = await Promise.all(runners.map((r) => r.runner.tick(r.job)));
        expect(ran.filter(Boolean)).toHaveLength(1);
      } finally {
        await Promise.all(runners.map((r) => r.close()));
      }
      // A slot taken over after its lease (or a retried run) sends nothing twice: the dedupe keys hold.
      await Promise.all([ctx.app, replica].map((app) => sendNudges(app.db, new Date(), 'http://localhost')));
      for (const who of due) {
        const notices = await ctx.app.db
          .select()
          .from(notifications)
          .where(
            and(eq(notifications.recipientId, who.employee.id), eq(notifications.kind, 'nudge.unmatched')),
          );
        expect(notices).toHaveLength(1);
        expect(
          await ctx.app.db.select().from(emailOutbox).where(eq(emailOutbox.notificationId, notices[0]!.id)),
        ).toHaveLength(1);
      }
    } finally {
      await replica.close();
      if (ctx.url) await database.close();
    }
  });

  it('R-MEET-6/R-NUDGE-1..3/R-WAIT-3/R-WAIT-5: the pair-year jobs are scheduled to run once across replicas', () => {
    const { jobs, close } = scheduledJobs(testConfig(), ctx.app.db, ctx.app.log);
    try {
      const scopes = Object.fromEntries(jobs.map((j) => [j.name, j.scope]));
      expect(scopes).toMatchObject({
        'cadence-watch': 'once',
        nudges: 'once',
        'waitlist-release': 'once',
        'new-mentor-notices': 'once',
      });
    } finally {
      void close();
    }
  });
});
