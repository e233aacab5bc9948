import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { get, mentee, mentor, pairUp, post, put } from '../journey/pairs.js';

// R-WAIT-3 names three ways a place frees: an ending (tested with the waitlist), a mentor who resumes, a raised
// capacity. The last two tell the first waiting mentees in the change's own transaction, not only on the next job run.
describe('waitlist release on resume and on a raised capacity', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await makeTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });
  const told = async (who: string) =>
    await ctx.app.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, who), eq(notifications.kind, 'waitlist.place_free')));
  const wait = (who: { auth: Record<string, string> }, mentorId: string) =>
    ctx.app.inject({ method: 'PUT', url: `/api/v1/me/waitlists/${mentorId}`, headers: who.auth });

  it('R-WAIT-3: a paused mentor who resumes tells the first waiting mentee at once; the next stays first in line', async () => {
    const m = await mentor(ctx.app, {}, { capacity: 1 });
    expect((await post(ctx.app, m, '/me/applications/mentor/pause')).statusCode).toBe(200);
    const a = await mentee(ctx.app);
    const b = await mentee(ctx.app);
    expect((await wait(a, m.employee.id)).json()).toMatchObject({ position: 1 });
    expect((await wait(b, m.employee.id)).json()).toMatchObject({ position: 2 });
    expect(await told(a.employee.id)).toHaveLength(0);

    expect((await post(ctx.app, m, '/me/applications/mentor/resume')).statusCode).toBe(200);
    expect(await told(a.employee.id)).toMatchObject([{ link: `/invite/${m.employee.id}` }]);
    expect(await told(b.employee.id)).toHaveLength(0);
    expect((await get(ctx.app, b, '/me/waitlists')).json().items).toMatchObject([
      { mentorId: m.employee.id, position: 1, notifiedAt: null },
    ]);
    // The place is still free (nobody invited yet), so a later release tells the next in line; nobody is told twice.
    expect((await post(ctx.app, m, '/me/applications/mentor/resume')).statusCode).toBe(200);
    expect(await told(a.employee.id)).toHaveLength(1);
    expect(await told(b.employee.id)).toHaveLength(1);
  });

  it('R-WAIT-3: a full mentor who raises their capacity tells as many waiting mentees as places freed', async () => {
    const m = await mentor(ctx.app, {}, { capacity: 1 });
    await pairUp(ctx.app, await mentee(ctx.app), m);
    const a = await mentee(ctx.app);
    expect((await wait(a, m.employee.id)).json()).toMatchObject({ position: 1 });
    const raised = await put(ctx.app, m, '/me/applications/mentor', {
      bio: '',
      education: '',
      positions: [],
      communicationMethods: ['video'],
      acknowledgeResponsibilities: true,
      competencies: ['strategic-thinking'],
      technicalAreas: '',
      platforms: ['s2j', 'p2p'],
      capacity: 2,
      acceptsOtherOpdivs: true,
    });
    expect(raised.statusCode).toBe(200);
    expect(await told(a.employee.id)).toHaveLength(1);
  });
});
