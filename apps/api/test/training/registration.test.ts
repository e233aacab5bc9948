import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { notifications, trainingRegistrations } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { makeEvent } from './helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(() => ctx.close());

const register = (id: string, auth: Record<string, string>) =>
  ctx.app.inject({ method: 'POST', url: `/api/v1/training/events/${id}/registration`, headers: auth });
const statuses = async (eventId: string) =>
  Object.fromEntries(
    (
      await ctx.app.db.select().from(trainingRegistrations).where(eq(trainingRegistrations.eventId, eventId))
    ).map((r) => [r.employeeId, r.status]),
  );

describe('R-TRAIN-1: catalogue, capacity and waitlist', () => {
  it('R-TRAIN-1: fills the places, then waitlists in order, and promotes the first when a place frees', async () => {
    const { event } = await makeEvent(ctx.app);
    const people = await Promise.all([1, 2, 3, 4].map(() => makeUser(ctx.app)));
    const answers = [];
    for (const p of people) answers.push((await register(event.id, p.auth)).json());
    expect(answers.map((a) => a.status)).toEqual(['registered', 'registered', 'waitlisted', 'waitlisted']);
    expect(answers[3].waitlistPosition).toBe(2);
    const cancel = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/training/events/${event.id}/registration`,
      headers: people[0]!.auth,
    });
    expect(cancel.statusCode).toBe(200);
    const after = await statuses(event.id);
    expect(after[people[2]!.employee.id]).toBe('registered');
    expect(after[people[3]!.employee.id]).toBe('waitlisted');
    const note = await ctx.app.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.recipientId, people[2]!.employee.id),
          eq(notifications.kind, 'training.waitlist_promoted'),
        ),
      );
    expect(note).toHaveLength(1);
    const read = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/training/events/${event.id}`,
      headers: people[3]!.auth,
    });
    expect(read.json()).toMatchObject({ registered: 2, waitlisted: 1, myStatus: 'waitlisted' });
  });

  it('R-TRAIN-1: concurrent registrations never exceed capacity', async () => {
    const { event } = await makeEvent(ctx.app, { capacity: 3 });
    const people = await Promise.all(Array.from({ length: 10 }, () => makeUser(ctx.app)));
    const answers = await Promise.all(people.map((p) => register(event.id, p.auth)));
    expect(answers.every((a) => a.statusCode === 201)).toBe(true);
    const counted = Object.values(await statuses(event.id));
    expect(counted.filter((s) => s === 'registered')).toHaveLength(3);
    expect(counted.filter((s) => s === 'waitlisted')).toHaveLength(7);
  });

  it('R-TRAIN-1: raising the capacity lets the waitlist in, in order', async () => {
    const { pm, event } = await makeEvent(ctx.app, { capacity: 1 });
    const people = await Promise.all([1, 2, 3].map(() => makeUser(ctx.app)));
    for (const p of people) await register(event.id, p.auth);
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/training/events/${event.id}`,
      headers: pm.auth,
      payload: { capacity: 2 },
    });
    expect(res.json()).toMatchObject({ capacity: 2, registered: 2, waitlisted: 1 });
    expect((await statuses(event.id))[people[1]!.employee.id]).toBe('registered');
  });

  it('R-TRAIN-1: a second registration by the same person is refused and changes nothing', async () => {
    const { event } = await makeEvent(ctx.app);
    const p = await makeUser(ctx.app);
    await register(event.id, p.auth);
    const again = await register(event.id, p.auth);
    expect(again.statusCode).toBe(409);
    expect(Object.values(await statuses(event.id))).toEqual(['registered']);
  });

  it('R-TRAIN-1: a Lunch and Learn must be on one of the eight focus competencies', async () => {
    const pm = await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] });
    const base = {
      kind: 'lunch_and_learn',
      title: 'Lunch and Learn',
      startsAt: '2030-03-05T17:00:00Z',
      endsAt: '2030-03-05T18:00:00Z',
      location: 'Teams',
    };
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/training/events',
      headers: pm.auth,
      payload: { ...base, competencyCode: 'financial-management' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().rule).toBe('R-TRAIN-1');
    const right = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/training/events',
      headers: pm.auth,
      payload: { ...base, competencyCode: 'decisiveness' },
    });
    expect(right.statusCode).toBe(201);
  });

  it('R-TRAIN-1: a coordinator manages only their own OPDIV’s events; participants none', async () => {
    const coordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    const payload = {
      kind: 'online_course',
      title: 'CDC mentoring refresher',
      lmsUrl: 'https://lms.hhs.gov/course/cdc-1',
    };
    const own = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/training/events',
      headers: coordinator.auth,
      payload: { ...payload, opdiv: 'CDC' },
    });
    expect(own.statusCode).toBe(201);
    const dept = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/training/events',
      headers: coordinator.auth,
      payload,
    });
    expect(dept.statusCode).toBe(403);
    const { event } = await makeEvent(ctx.app);
    const cancel = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/training/events/${event.id}/cancel`,
      headers: coordinator.auth,
    });
    expect(cancel.statusCode).toBe(403);
    const participant = await makeUser(ctx.app);
    const create = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/training/events',
      headers: participant.auth,
      payload: { ...payload, opdiv: 'CDC' },
    });
    expect(create.statusCode).toBe(403);
  });

  it('R-TRAIN-1: cancelling an event notifies everyone on it and closes registration', async () => {
    const { pm, event } = await makeEvent(ctx.app);
    const p = await makeUser(ctx.app);
    await register(event.id, p.auth);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/training/events/${event.id}/cancel`,
      headers: pm.auth,
    });
    expect(res.json().cancelledAt).not.toBeNull();
    const notes = await ctx.app.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.recipientId, p.employee.id), eq(notifications.kind, 'training.event_cancelled')),
      );
    expect(notes).toHaveLength(1);
    const late = await register(event.id, (await makeUser(ctx.app)).auth);
    expect(late.statusCode).toBe(409);
    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/training/events?limit=100',
      headers: p.auth,
    });
    expect(list.json().items.map((e: { id: string }) => e.id)).not.toContain(event.id);
  });
});
