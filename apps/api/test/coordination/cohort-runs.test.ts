import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { mentee, mentor, staff } from '../helpers/people.js';

let ctx: TestContext;
const u: Record<string, Awaited<ReturnType<typeof mentee>>> = {};
beforeAll(async () => {
  ctx = await makeTestApp();
  u.cdc = await staff.coordinator(ctx.app, 'CDC');
  u.nih = await staff.coordinator(ctx.app, 'NIH');
  u.pm = await staff.programManager(ctx.app);
  u.a = await mentee(ctx.app, { opdiv: 'CDC', needs: ['strategic-thinking'] });
  u.b = await mentee(ctx.app, { opdiv: 'CDC', needs: ['accountability'] });
  await mentor(ctx.app, {
    opdiv: 'CDC',
    capacity: 2,
    competencies: ['strategic-thinking', 'accountability'],
  });
});
afterAll(() => ctx.close());

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: u[who]!.auth, ...(payload ? { payload } : {}) });

describe('cohort run history (R-MATCH-4)', () => {
  it('R-MATCH-4: after approval the run history says who ran it, what was approved, by whom and when', async () => {
    const proposal = (await call('POST', '/coordination/cohort-proposals', 'cdc', { topK: 10 })).json();
    expect(proposal.pairs.length).toBe(2);
    let runs = (await call('GET', '/coordination/cohort-runs', 'cdc')).json().items;
    expect(runs[0]).toMatchObject({
      id: proposal.id,
      opdivs: ['CDC'],
      pairs: 2,
      open: 2,
      invited: 0,
      approvedBy: [],
      lastApprovedAt: null,
    });
    expect(
      (await call('POST', `/coordination/cohort-proposals/${proposal.id}/approve`, 'cdc', {})).statusCode,
    ).toBe(200);
    runs = (await call('GET', '/coordination/cohort-runs', 'cdc')).json().items;
    const name = `${u.cdc!.employee.firstName} ${u.cdc!.employee.lastName}`;
    expect(runs[0]).toMatchObject({
      id: proposal.id,
      createdBy: name,
      pairs: 2,
      invited: 2,
      open: 0,
      approvedBy: [name],
    });
    expect(Date.parse(runs[0].lastApprovedAt)).toBeGreaterThan(0);
  });

  it('R-ROLE-2: a coordinator sees only runs inside their OPDIVs; the program manager sees all; others are refused', async () => {
    expect((await call('GET', '/coordination/cohort-runs', 'nih')).json().items).toEqual([]);
    expect((await call('GET', '/coordination/cohort-runs', 'pm')).json().items.length).toBeGreaterThan(0);
    const res = await call('GET', '/coordination/cohort-runs', 'a');
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
