import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { trainingAttendance, trainingEvaluations } from '../../src/db/schema/index.js';
import { lastOrientationAttendedAt } from '../../src/services/training/orientation.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { makeSystemClient } from '../integrations/helpers.js';
import { makeEvent } from './helpers.js';

let ctx: TestContext;
let lms: Record<string, string>;
beforeAll(async () => {
  ctx = await makeTestApp();
  lms = await (await makeSystemClient(ctx.app, ['training:write'], 'HHS Learning Portal')).token();
});
afterAll(() => ctx.close());

const completions = (payload: object, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/integrations/lms/completions',
    headers: { ...lms, ...headers },
    payload,
  });
const attendanceOf = (eventId: string) =>
  ctx.app.db.select().from(trainingAttendance).where(eq(trainingAttendance.eventId, eventId));

describe('R-TRAIN-2: attendance from the LMS and from coordinators', () => {
  it('R-TRAIN-2: LMS completions become attendance once, mapped by email and course id; unknown rows are reported', async () => {
    const { event } = await makeEvent(ctx.app, {
      kind: 'online_course',
      lmsUrl: 'https://lms.hhs.gov/c/mentor-101',
      lmsCourseId: `MENT-101-${Date.now()}`,
      startsAt: null,
      endsAt: null,
      location: null,
      capacity: null,
    });
    const [course] = await ctx.app.db
      .select()
      .from(trainingAttendance)
      .where(eq(trainingAttendance.eventId, event.id));
    expect(course).toBeUndefined();
    const person = await makeUser(ctx.app);
    const { lmsCourseId } = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/training/events/${event.id}`,
        headers: person.auth,
      })
    ).json();
    const batch = {
      completions: [
        { email: person.employee.email.toUpperCase(), lmsCourseId, completedAt: '2026-01-15T15:00:00Z' },
        { employeeId: 'NOBODY1', lmsCourseId, completedAt: '2026-01-15T15:00:00Z' },
        {
          employeeId: person.employee.id,
          lmsCourseId: 'NO-SUCH-COURSE',
          completedAt: '2026-01-15T15:00:00Z',
        },
      ],
    };
    const first = await completions(batch);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ recorded: 1, alreadyRecorded: 0, rejected: 2 });
    expect(first.json().rows.map((r: { status: string }) => r.status)).toEqual([
      'recorded',
      'unknown_employee',
      'unknown_event',
    ]);
    const same = { employeeId: person.employee.id, eventId: event.id, completedAt: '2026-01-16T15:00:00Z' };
    const second = await completions({ completions: [same, same] });
    expect(second.json()).toMatchObject({ recorded: 0, alreadyRecorded: 2 });
    const rows = await attendanceOf(event.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'lms', employeeId: person.employee.id });
  });

  it('R-TRAIN-2: an LMS Idempotency-Key repeat returns the first answer', async () => {
    const { event } = await makeEvent(ctx.app);
    const person = await makeUser(ctx.app);
    const body = {
      completions: [
        { employeeId: person.employee.id, eventId: event.id, completedAt: '2026-02-01T15:00:00Z' },
      ],
    };
    const first = await completions(body, { 'idempotency-key': `lms-${event.id}` });
    const again = await completions(body, { 'idempotency-key': `lms-${event.id}` });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(again.json().recorded).toBe(1);
  });

  it('R-TRAIN-2: a coordinator records attendance for people of their OPDIV only, and sees them on the roster', async () => {
    const { event } = await makeEvent(ctx.app);
    const coordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    const cdc = await makeUser(ctx.app, { employee: { opdiv: 'CDC' } });
    const fda = await makeUser(ctx.app, { employee: { opdiv: 'FDA' } });
    for (const p of [cdc, fda])
      await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/training/events/${event.id}/registration`,
        headers: p.auth,
      });
    const outside = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/training/events/${event.id}/attendance`,
      headers: coordinator.auth,
      payload: { employeeIds: [cdc.employee.id, fda.employee.id] },
    });
    expect(outside.statusCode).toBe(403);
    expect(await attendanceOf(event.id)).toHaveLength(0);
    const ok = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/training/events/${event.id}/attendance`,
      headers: coordinator.auth,
      payload: { employeeIds: [cdc.employee.id] },
    });
    expect(ok.json()).toEqual({ recorded: 1, alreadyRecorded: 0 });
    const rosterRes = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/training/events/${event.id}/roster`,
      headers: coordinator.auth,
    });
    expect(rosterRes.json().items).toEqual([
      expect.objectContaining({
        employeeId: cdc.employee.id,
        status: 'registered',
        attendanceSource: 'coordinator',
      }),
    ]);
    const participant = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/training/events/${event.id}/roster`,
      headers: cdc.auth,
    });
    expect(participant.statusCode).toBe(403);
  });

  it('R-TRAIN-2 / R-LIFE-1: an attended orientation shows in my history and counts for 12 months', async () => {
    const { event } = await makeEvent(ctx.app, {
      kind: 'orientation_online',
      lmsUrl: 'https://lms.hhs.gov/c/orientation',
      startsAt: null,
      endsAt: null,
      location: null,
      capacity: null,
    });
    const person = await makeUser(ctx.app);
    const when = new Date(Date.now() - 30 * 86_400_000).toISOString();
    await completions({
      completions: [{ employeeId: person.employee.id, eventId: event.id, completedAt: when }],
    });
    expect((await lastOrientationAttendedAt(ctx.app.db, person.employee.id))?.toISOString()).toBe(when);
    const history = await ctx.app.inject({ method: 'GET', url: '/api/v1/training/me', headers: person.auth });
    expect(history.json()).toMatchObject({ lastOrientationAttendedAt: when, orientationCurrent: true });
    expect(history.json().items[0]).toMatchObject({ status: null, attendedAt: when, evaluated: false });
    const nobody = await makeUser(ctx.app);
    expect(await lastOrientationAttendedAt(ctx.app.db, nobody.employee.id)).toBeNull();
  });
});

describe('R-TRAIN-1: evaluations', () => {
  it('R-TRAIN-1: only attendees evaluate, once each; staff see the summary without names', async () => {
    const { pm, event } = await makeEvent(ctx.app);
    const attendee = await makeUser(ctx.app);
    const stranger = await makeUser(ctx.app);
    await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/training/events/${event.id}/attendance`,
      headers: pm.auth,
      payload: { employeeIds: [attendee.employee.id] },
    });
    const refused = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/training/events/${event.id}/evaluation`,
      headers: stranger.auth,
      payload: { rating: 1 },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().rule).toBe('R-TRAIN-1');
    const ok = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/training/events/${event.id}/evaluation`,
      headers: attendee.auth,
      payload: { rating: 4, comments: 'Useful IDP examples.' },
    });
    expect(ok.statusCode).toBe(201);
    const twice = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/training/events/${event.id}/evaluation`,
      headers: attendee.auth,
      payload: { rating: 5 },
    });
    expect(twice.statusCode).toBe(409);
    expect(
      await ctx.app.db.select().from(trainingEvaluations).where(eq(trainingEvaluations.eventId, event.id)),
    ).toHaveLength(1);
    const summary = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/training/events/${event.id}/evaluations`,
      headers: pm.auth,
    });
    expect(summary.json()).toMatchObject({
      count: 1,
      averageRating: 4,
      distribution: { 4: 1 },
      comments: ['Useful IDP examples.'],
    });
    expect(summary.body).not.toContain(attendee.employee.id);
  });
});
