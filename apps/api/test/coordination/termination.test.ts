import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { clientFor } from '../helpers/client.js';
import { makeRelationship, mentee, mentor, staff } from '../helpers/people.js';
import { daysAgo } from './helpers.js';

let ctx: TestContext;
const u: Record<string, Awaited<ReturnType<typeof mentee>>> = {};
let relationshipId = '';

beforeAll(async () => {
  ctx = await makeTestApp();
  const app = ctx.app;
  u.cdc = await staff.coordinator(app, 'CDC');
  u.nih = await staff.coordinator(app, 'NIH');
  u.mentee = await mentee(app, { opdiv: 'CDC' });
  u.mentor = await mentor(app, { opdiv: 'CDC' });
  relationshipId = (
    await makeRelationship(app, u.mentee!.employee.id, u.mentor!.employee.id, {
      state: 'active',
      confirmedAt: daysAgo(120),
      orientationAt: daysAgo(110),
      agreementAt: daysAgo(100),
      idpAt: daysAgo(100),
    })
  ).id;
});
afterAll(() => ctx.close());

const queue = async (who: string) =>
  (await clientFor(ctx.app, u[who]!).GET('/api/v1/coordination/termination-requests')).data!;

describe('termination guidance from the coordinator side (R-LIFE-7)', () => {
  it("R-LIFE-7: a partner's request appears in the coordinator's queue awaiting guidance, and only in scope", async () => {
    expect((await queue('cdc')).total).toBe(0);
    const asked = await clientFor(ctx.app, u.mentee!).POST('/api/v1/relationships/{id}/termination-request', {
      params: { path: { id: relationshipId } },
      body: { reason: 'Our schedules no longer fit.' },
    });
    expect(asked.response.status).toBe(200);
    const q = await queue('cdc');
    expect(q.total).toBe(1);
    expect(q.items[0]).toMatchObject({
      relationshipId,
      requestedBy: 'mentee',
      reason: 'Our schedules no longer fit.',
      mentee: { id: u.mentee!.employee.id },
    });
    expect((await queue('nih')).total).toBe(0);
    const dash = (await clientFor(ctx.app, u.cdc!).GET('/api/v1/coordination/dashboard')).data!;
    expect(dash.terminationRequestsAwaitingGuidance).toBe(1);
  });

  it('R-LIFE-7: the termination waits for guidance; once recorded it leaves the queue and the coordinator can end the pair', async () => {
    const early = await clientFor(ctx.app, u.cdc!).POST('/api/v1/relationships/{id}/terminate', {
      params: { path: { id: relationshipId } },
      body: {},
    });
    expect(early.response.status).toBe(409);
    expect(early.error!.rule).toBe('R-LIFE-7');
    const guided = await clientFor(ctx.app, u.cdc!).POST('/api/v1/relationships/{id}/termination-guidance', {
      params: { path: { id: relationshipId } },
      body: {
        text: 'Talked to both; a no-fault ending is fine.',
      },
    });
    expect(guided.response.status).toBe(200);
    expect((await queue('cdc')).total).toBe(0);
    expect(
      (await clientFor(ctx.app, u.cdc!).GET('/api/v1/coordination/dashboard')).data!
        .terminationRequestsAwaitingGuidance,
    ).toBe(0);
    const ended = await clientFor(ctx.app, u.cdc!).POST('/api/v1/relationships/{id}/terminate', {
      params: { path: { id: relationshipId } },
      body: {},
    });
    expect(ended.response.status).toBe(200);
    expect(ended.data!.state).toBe('terminated');
  });
});
