import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  menteeApplications,
  mentorArrivals,
  mentorWaitlist,
  notificationPreferences,
  notifications,
} from '../../src/db/schema/index.js';
import { announceNewMentors } from '../../src/services/pair-year/new-mentors.js';
import { releaseWaitlists, WAITLIST_HOLD_DAYS } from '../../src/services/pair-year/waitlist.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { mentee, mentor, pairUp } from '../helpers/people.js';
import { clientFor, type RequestBody } from '../helpers/client.js';

const DAY = 86_400_000;
const URL = 'http://localhost:3000';

type MentorApplication = RequestBody<'/api/v1/me/applications/mentor', 'put'>;
const mentorApplication = (
  capacity: number,
  competencies: MentorApplication['competencies'] = ['strategic-thinking', 'accountability'],
): MentorApplication => ({
  bio: 'Twenty years in public health programs.',
  education: 'M.P.H.',
  positions: [{ title: 'Program Manager', organization: 'NIH', years: 8 }],
  communicationMethods: ['video', 'phone'],
  acknowledgeResponsibilities: true,
  competencies,
  technicalAreas: 'program evaluation, budget formulation',
  platforms: ['s2j'],
  capacity,
  acceptsOtherOpdivs: true,
});

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

const told = async (who: string, kind = 'waitlist.place_free') =>
  (
    await ctx.app.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, who), eq(notifications.kind, kind)))
  ).length;
type Person = Awaited<ReturnType<typeof mentee>>;
const wait = async (who: Person, mentorId: string) => {
  const res = await ctx.app.inject({
    method: 'PUT',
    url: `/api/v1/me/waitlists/${mentorId}`,
    headers: who.auth,
  });
  expect(res.statusCode).toBe(200);
};
/** A mentor with capacity 1 and one live mentee, and three mentees waiting in order. */
async function fullMentorWithLine() {
  const full = await mentor(ctx.app, { capacity: 1 });
  await pairUp(ctx.app, await mentee(ctx.app), full);
  const line = [await mentee(ctx.app), await mentee(ctx.app), await mentee(ctx.app)];
  for (const m of line) await wait(m, full.employee.id);
  return { full, line };
}

describe('waitlist: told at once, in order, one per free place (issue 17 §3)', () => {
  it('R-WAIT-3: raising capacity tells the first waiting mentee in the same request, without the job', async () => {
    const { full, line } = await fullMentorWithLine();
    const res = await clientFor(ctx.app, full).PUT('/api/v1/me/applications/mentor', {
      body: mentorApplication(2),
    });
    expect(res.response.status).toBe(200);
    expect(await Promise.all(line.map((m) => told(m.employee.id)))).toEqual([1, 0, 0]);
    expect((await clientFor(ctx.app, line[1]!).GET('/api/v1/me/waitlists')).data!.items).toMatchObject([
      { position: 1 },
    ]);
  });

  it('R-WAIT-3: a mentor who resumes tells the first waiting mentee at once', async () => {
    const paused = await mentor(ctx.app, { capacity: 2, paused: true });
    const [a, b] = [await mentee(ctx.app), await mentee(ctx.app)];
    await wait(a, paused.employee.id);
    await wait(b, paused.employee.id);
    expect(
      (await clientFor(ctx.app, paused).POST('/api/v1/me/applications/mentor/resume')).response.status,
    ).toBe(200);
    // Two free places: both are told, in the order they asked.
    expect([await told(a.employee.id), await told(b.employee.id)]).toEqual([1, 1]);
    expect(
      (await clientFor(ctx.app, paused).POST('/api/v1/me/applications/mentor/pause')).response.status,
    ).toBe(200);
    expect(
      (await clientFor(ctx.app, paused).POST('/api/v1/me/applications/mentor/resume')).response.status,
    ).toBe(200);
    expect([await told(a.employee.id), await told(b.employee.id)]).toEqual([1, 1]);
  });

  it('R-WAIT-3: a mentor who withdraws is nobody to wait for: an ending does not tell the line of a place', async () => {
    const leaving = await mentor(ctx.app, { capacity: 1 });
    const id = await pairUp(ctx.app, await mentee(ctx.app), leaving);
    const waiter = await mentee(ctx.app);
    await wait(waiter, leaving.employee.id);
    const gone = await ctx.app.inject({
      method: 'DELETE',
      url: '/api/v1/me/applications/mentor',
      headers: leaving.auth,
    });
    expect(gone.statusCode).toBe(204);
    const coordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    expect(
      (
        await clientFor(ctx.app, coordinator).POST('/api/v1/relationships/{id}/terminate', {
          params: { path: { id } },
          body: { reason: 'Mentor left' },
        })
      ).response.status,
    ).toBe(200);
    await releaseWaitlists(ctx.app.db, new Date(), URL);
    expect(await told(waiter.employee.id)).toBe(0);
  });

  it('R-WAIT-4: the told mentee holds the place; the job tells the next only after the hold, or once they found a mentor', async () => {
    const { full, line } = await fullMentorWithLine();
    await clientFor(ctx.app, full).PUT('/api/v1/me/applications/mentor', { body: mentorApplication(2) });
    const now = new Date();
    await releaseWaitlists(ctx.app.db, now, URL);
    await releaseWaitlists(ctx.app.db, new Date(now.getTime() + 60 * 60_000), URL);
    expect(await Promise.all(line.map((m) => told(m.employee.id)))).toEqual([1, 0, 0]);
    const later = new Date(now.getTime() + (WAITLIST_HOLD_DAYS + 0.5) * DAY);
    await releaseWaitlists(ctx.app.db, later, URL);
    expect(await Promise.all(line.map((m) => told(m.employee.id)))).toEqual([1, 1, 0]);
    // The second told mentee pairs with someone else: their hold ends, so the third hears of the place.
    await pairUp(ctx.app, line[1]!, await mentor(ctx.app));
    await releaseWaitlists(ctx.app.db, new Date(later.getTime() + 60_000), URL);
    expect(await Promise.all(line.map((m) => told(m.employee.id)))).toEqual([1, 1, 1]);
  });

  it('R-WAIT-4: a capacity change and the job at the same moment tell one mentee, the first, once', async () => {
    const { full, line } = await fullMentorWithLine();
    const now = new Date();
    const [res] = await Promise.all([
      clientFor(ctx.app, full).PUT('/api/v1/me/applications/mentor', { body: mentorApplication(2) }),
      releaseWaitlists(ctx.app.db, now, URL),
      releaseWaitlists(ctx.app.db, now, URL),
    ]);
    expect(res.response.status).toBe(200);
    await releaseWaitlists(ctx.app.db, now, URL);
    expect(await Promise.all(line.map((m) => told(m.employee.id)))).toEqual([1, 0, 0]);
    const rows = await ctx.app.db
      .select()
      .from(mentorWaitlist)
      .where(eq(mentorWaitlist.mentorId, full.employee.id));
    expect(rows.filter((r) => r.notifiedAt).map((r) => r.menteeId)).toEqual([line[0]!.employee.id]);
  });
});

describe('new mentors announced to long-unmatched mentees (issue 17 §3)', () => {
  it('R-WAIT-5: a new mentor in a long-unmatched mentee top 5 is announced by the job, once; not to the recent, the opted-out or those with 5 better mentors', async () => {
    const longAgo = new Date(Date.now() - 20 * DAY);
    const appliedLongAgo = (who: Person) =>
      ctx.app.db
        .update(menteeApplications)
        .set({ createdAt: longAgo })
        .where(eq(menteeApplications.employeeId, who.employee.id));
    const fits = await mentee(ctx.app, { needs: ['self-direction', 'customer-service'] });
    const recent = await mentee(ctx.app, { needs: ['self-direction', 'customer-service'] });
    const quiet = await mentee(ctx.app, { needs: ['self-direction', 'customer-service'] });
    const crowded = await mentee(
      ctx.app,

      { needs: ['decisiveness', 'leveraging-diversity'] },
    );
    for (const m of [fits, quiet, crowded]) await appliedLongAgo(m);
    await ctx.app.db
      .insert(notificationPreferences)
      .values({ employeeId: quiet.employee.id, nudgesOff: true });
    // Five mentors who fit the crowded mentee's needs better than the newcomer can.
    for (let i = 0; i < 5; i++)
      await mentor(
        ctx.app,

        { competencies: ['decisiveness', 'leveraging-diversity'], application: { platforms: ['s2j'] } },
      );

    const newcomer = await makeUser(ctx.app, { employee: { grade: '14', opdiv: 'NIH' } });
    const applied = await clientFor(ctx.app, newcomer).PUT('/api/v1/me/applications/mentor', {
      body: mentorApplication(2, ['self-direction', 'customer-service']),
    });
    expect(applied.response.status).toBe(200);
    // The request only queues the arrival; the job tells.
    expect(await told(fits.employee.id, 'nudge.new_mentor')).toBe(0);
    const [arrival] = await ctx.app.db
      .select()
      .from(mentorArrivals)
      .where(eq(mentorArrivals.mentorId, newcomer.employee.id));
    expect(arrival?.announcedAt).toBeNull();

    const now = new Date();
    const runs = await Promise.all([
      announceNewMentors(ctx.app.db, now, URL),
      announceNewMentors(ctx.app.db, now, URL),
    ]);
    expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await announceNewMentors(ctx.app.db, new Date(now.getTime() + 60_000), URL)).toBe(0);
    expect(await told(fits.employee.id, 'nudge.new_mentor')).toBe(1);
    expect(await told(recent.employee.id, 'nudge.new_mentor')).toBe(0);
    expect(await told(quiet.employee.id, 'nudge.new_mentor')).toBe(0);
    expect(await told(crowded.employee.id, 'nudge.new_mentor')).toBe(0);
    const top = (
      await clientFor(ctx.app, crowded).GET('/api/v1/me/suggestions', { params: { query: { limit: 5 } } })
    ).data!.items;
    expect(top.map((s: { mentor: { id: string } }) => s.mentor.id)).not.toContain(newcomer.employee.id);

    // Editing the application later is not a new arrival.
    await clientFor(ctx.app, newcomer).PUT('/api/v1/me/applications/mentor', {
      body: mentorApplication(3, ['self-direction']),
    });
    expect(await announceNewMentors(ctx.app.db, new Date(now.getTime() + 120_000), URL)).toBe(0);
    expect(await told(fits.employee.id, 'nudge.new_mentor')).toBe(1);
  });
});
