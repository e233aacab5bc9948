import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
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

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: u[who]!.auth, ...(payload ? { payload } : {}) });
const queue = async (who: string) =>
  (await call('GET', '/api/v1/coordination/termination-requests', who)).json();

describe('termination guidance from the coordinator side (R-LIFE-7)', () => {
  it("R-LIFE-7: a partner's request appears in the coordinator's queue awaiting guidance, and only in scope", async () => {
    expect((await queue('cdc')).total).toBe(0);
    const asked = await call(
      'POST',
      `/api/v1/relationships/${relationshipId}/termination-request`,
      'mentee',
      { reason: 'Our schedules no longer fit.' },
    );
    expect(asked.statusCode).toBe(200);
    const q = await queue('cdc');
    expect(q.total).toBe(1);
    expect(q.items[0]).toMatchObject({
      relationshipId,
      requestedBy: 'mentee',
      reason: 'Our schedules no longer fit.',
      mentee: { id: u.mentee!.employee.id },
    });
    expect((await queue('nih')).total).toBe(0);
    const dash = (await call('GET', '/api/v1/coordination/dashboard', 'cdc')).json();
    expect(dash.terminationRequestsAwaitingGuidance).toBe(1);
  });

  it('R-LIFE-7: the termination waits for guidance; once recorded it leaves the queue and the coordinator can end the pair', async () => {
    const early = await call('POST', `/api/v1/relationships/${relationshipId}/terminate`, 'cdc', {});
    expect(early.statusCode).toBe(409);
    expect(early.json().rule).toBe('R-LIFE-7');
    const guided = await call('POST', `/api/v1/relationships/${relationshipId}/termination-guidance`, 'cdc', {
      text: 'Talked to both; a no-fault ending is fine.',
    });
    expect(guided.statusCode).toBe(200);
    expect((await queue('cdc')).total).toBe(0);
    expect(
      (await call('GET', '/api/v1/coordination/dashboard', 'cdc')).json().terminationRequestsAwaitingGuidance,
    ).toBe(0);
    const ended = await call('POST', `/api/v1/relationships/${relationshipId}/terminate`, 'cdc', {});
    expect(ended.statusCode).toBe(200);
    expect(ended.json().state).toBe('terminated');
  });
});
