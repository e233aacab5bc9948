import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { employees } from '../../src/db/schema/index.js';
import { makeEmployee } from '../helpers/factories.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { clientFor } from '../helpers/client.js';
import { makeInvitation, makeRelationship, mentee, mentor, staff } from '../helpers/people.js';
import { daysAgo, makeHelpRequest } from './helpers.js';

let ctx: TestContext;
type Users = Record<string, Awaited<ReturnType<typeof mentee>>>;
const u: Users = {};

beforeAll(async () => {
  ctx = await makeTestApp();
  const app = ctx.app;
  u.cdcCoord = await staff.coordinator(app, 'CDC');
  u.pm = await staff.programManager(app);
  u.waitLong = await mentee(app, { opdiv: 'CDC', appliedAt: daysAgo(40) });
  u.waitShort = await mentee(app, { opdiv: 'CDC', appliedAt: daysAgo(3) });
  u.paired = await mentee(app, { opdiv: 'CDC', appliedAt: daysAgo(90) });
  u.cdcMentor = await mentor(app, { opdiv: 'CDC' });
  u.nihMentee = await mentee(app, { opdiv: 'NIH', appliedAt: daysAgo(100) });
  u.nihMentor = await mentor(app, { opdiv: 'NIH' });
  u.nihMentee2 = await mentee(app, { opdiv: 'NIH', appliedAt: daysAgo(10) });
  // A CDC pair, confirmed 40 days ago: orientation/agreement/IDP overdue; asks for help.
  const cdcPair = await makeRelationship(app, u.paired!.employee.id, u.cdcMentor!.employee.id, {
    confirmedAt: daysAgo(40),
  });
  await makeHelpRequest(app, cdcPair.id, u.paired!.employee.id);
  // An NIH–NIH pair in termination_requested, agreement due in 10 days: CDC must never count it (R-ROLE-2).
  await makeRelationship(app, u.nihMentee!.employee.id, u.nihMentor!.employee.id, {
    confirmedAt: daysAgo(20),
    state: 'termination_requested',
    terminationRequestedBy: 'mentee',
    terminationRequestedAt: daysAgo(1),
    terminationFromState: 'onboarding',
  });
  await makeInvitation(app, u.waitLong!.employee.id, u.cdcMentor!.employee.id);
  await makeInvitation(app, u.waitShort!.employee.id, u.nihMentor!.employee.id, { state: 'accepted' });
  await makeInvitation(app, u.nihMentee2!.employee.id, u.nihMentor!.employee.id);
});
afterAll(() => ctx.close());

describe('coordinator dashboard (R-ADMIN-1)', () => {
  it('R-ADMIN-1: gives the CDC coordinator their figures, computed over CDC people and pairs with a CDC side', async () => {
    const res = await clientFor(ctx.app, u.cdcCoord!).GET('/api/v1/coordination/dashboard');
    expect(res.response.status).toBe(200);
    const d = res.data!;
    expect(d.scope).toEqual(['CDC']);
    expect(d.participants).toEqual([
      { role: 'mentee', platform: 'p2p', count: 0 },
      { role: 'mentee', platform: 's2j', count: 3 },
      { role: 'mentor', platform: 'p2p', count: 1 },
      { role: 'mentor', platform: 's2j', count: 1 },
    ]);
    expect(d.unmatched.count).toBe(2);
    expect(
      d.unmatched.longestWaiting.map(
        (m: { menteeId: string; daysWaiting: number; openInvitations: number }) => [
          m.menteeId,
          m.daysWaiting,
          m.openInvitations,
        ],
      ),
    ).toEqual([
      [u.waitLong!.employee.id, 40, 1],
      [u.waitShort!.employee.id, 3, 1],
    ]);
    expect(d.openInvitations).toEqual({ pending: 1, accepted: 1 });
    expect(d.livePairs).toEqual({ onboarding: 1, active: 0, termination_requested: 0 });
    expect(d.milestones).toEqual({ dueNext14Days: 0, overdue: 3 });
    expect(d.terminationRequestsAwaitingGuidance).toBe(0);
    expect(d.helpRequests).toBe(1);
  });

  it('R-ROLE-2: a CDC coordinator never counts a pair in which neither side is in CDC, and cannot ask for NIH', async () => {
    const forbidden = await clientFor(ctx.app, u.cdcCoord!).GET('/api/v1/coordination/dashboard', {
      params: { query: { opdiv: 'NIH' } },
    });
    expect(forbidden.response.status).toBe(403);
    const queue = (await clientFor(ctx.app, u.cdcCoord!).GET('/api/v1/coordination/unmatched')).data!;
    expect(queue.items.every((m: { opdiv: string }) => m.opdiv === 'CDC')).toBe(true);
    const requests = (await clientFor(ctx.app, u.cdcCoord!).GET('/api/v1/coordination/termination-requests'))
      .data!;
    expect(requests.total).toBe(0);
  });

  it('R-ADMIN-1: the program manager sees the department or any one OPDIV', async () => {
    const all = (await clientFor(ctx.app, u.pm!).GET('/api/v1/coordination/dashboard')).data!;
    expect(all.scope).toBeNull();
    expect(all.unmatched.count).toBe(3);
    expect(all.livePairs).toEqual({ onboarding: 1, active: 0, termination_requested: 1 });
    expect(all.milestones).toEqual({ dueNext14Days: 3, overdue: 3 });
    expect(all.terminationRequestsAwaitingGuidance).toBe(1);
    expect(all.openInvitations).toEqual({ pending: 2, accepted: 1 });
    const nih = (
      await clientFor(ctx.app, u.pm!).GET('/api/v1/coordination/dashboard', {
        params: { query: { opdiv: 'NIH' } },
      })
    ).data!;
    expect(nih.scope).toEqual(['NIH']);
    expect(nih.unmatched.longestWaiting.map((m: { menteeId: string }) => m.menteeId)).toEqual([
      u.nihMentee2!.employee.id,
    ]);
    expect(nih.openInvitations).toEqual({ pending: 1, accepted: 1 });
  });

  it('R-ADMIN-1: the unmatched queue pages, longest waiting first', async () => {
    const first = (
      await clientFor(ctx.app, u.pm!).GET('/api/v1/coordination/unmatched', {
        params: { query: { limit: 1 } },
      })
    ).data!;
    // The `next` link is followed as the API wrote it: an opaque URL, so through app.inject (decision 0014).
    const page = (await ctx.app.inject({ method: 'GET', url: first.next!, headers: u.pm!.auth })).json();
    expect(page.total).toBe(3);
    expect(page.items.map((m: { menteeId: string }) => m.menteeId)).toEqual([u.nihMentee2!.employee.id]);
  });

  it('R-ROLE-2: a participant without a staff role gets 403', async () => {
    expect(
      (await clientFor(ctx.app, u.waitLong!).GET('/api/v1/coordination/dashboard')).response.status,
    ).toBe(403);
    expect(
      (await clientFor(ctx.app, u.waitLong!).GET('/api/v1/coordination/unmatched')).response.status,
    ).toBe(403);
  });

  it('R-ROLE-2: the scope reads program people only; a pair of people who never applied still counts for their OPDIV', async () => {
    // Decision 0504: triggers mark everyone who applies, is invited or is in a relationship (employees.in_program).
    const before = (await clientFor(ctx.app, u.cdcCoord!).GET('/api/v1/coordination/dashboard')).data!;
    const programPeople = await ctx.app.db
      .select({ id: employees.id, inProgram: employees.inProgram })
      .from(employees)
      .where(
        inArray(employees.id, [u.waitLong!.employee.id, u.cdcMentor!.employee.id, u.cdcCoord!.employee.id]),
      );
    expect(Object.fromEntries(programPeople.map((p) => [p.id, p.inProgram]))).toEqual({
      [u.waitLong!.employee.id]: true,
      [u.cdcMentor!.employee.id]: true,
      [u.cdcCoord!.employee.id]: false,
    });
    const outsideMentee = await makeEmployee(ctx.app, { opdiv: 'CDC', grade: '9' });
    const outsideMentor = await makeEmployee(ctx.app, { opdiv: 'FDA', grade: '14' });
    await makeRelationship(ctx.app, outsideMentee.id, outsideMentor.id, {
      confirmedAt: daysAgo(5),
      state: 'active',
    });
    const after = (await clientFor(ctx.app, u.cdcCoord!).GET('/api/v1/coordination/dashboard')).data!;
    expect(after.livePairs).toEqual({ ...before.livePairs, active: before.livePairs.active + 1 });
    // Moving to another OPDIV keeps the mark: the FDA side's new OPDIV (CDC) now sees the pair from both sides, once.
    await ctx.app.db.update(employees).set({ opdiv: 'CDC' }).where(eq(employees.id, outsideMentor.id));
    const moved = (await clientFor(ctx.app, u.cdcCoord!).GET('/api/v1/coordination/dashboard')).data!;
    expect(moved.livePairs).toEqual(after.livePairs);
    const fda = (
      await clientFor(ctx.app, u.pm!).GET('/api/v1/coordination/dashboard', {
        params: { query: { opdiv: 'FDA' } },
      })
    ).data!;
    expect(fda.livePairs).toEqual({ onboarding: 0, active: 0, termination_requested: 0 });
  });
});
