import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { clientFor } from '../helpers/client.js';
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

describe('cohort run history (R-MATCH-4)', () => {
  it('R-MATCH-4: after approval the run history says who ran it, what was approved, by whom and when', async () => {
    const proposal = (
      await clientFor(ctx.app, u.cdc!).POST('/api/v1/coordination/cohort-proposals', { body: { topK: 10 } })
    ).data!;
    expect(proposal.pairs.length).toBe(2);
    let runs = (await clientFor(ctx.app, u.cdc!).GET('/api/v1/coordination/cohort-runs')).data!.items;
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
      (
        await clientFor(ctx.app, u.cdc!).POST('/api/v1/coordination/cohort-proposals/{id}/approve', {
          params: { path: { id: proposal.id } },
          body: {},
        })
      ).response.status,
    ).toBe(200);
    runs = (await clientFor(ctx.app, u.cdc!).GET('/api/v1/coordination/cohort-runs')).data!.items;
    const name = `${u.cdc!.employee.firstName} ${u.cdc!.employee.lastName}`;
    expect(runs[0]).toMatchObject({
      id: proposal.id,
      createdBy: name,
      pairs: 2,
      invited: 2,
      open: 0,
      approvedBy: [name],
    });
    expect(Date.parse(runs[0]!.lastApprovedAt!)).toBeGreaterThan(0);
  });

  it('R-ROLE-2: a coordinator sees only runs inside their OPDIVs; the program manager sees all; others are refused', async () => {
    expect((await clientFor(ctx.app, u.nih!).GET('/api/v1/coordination/cohort-runs')).data!.items).toEqual(
      [],
    );
    expect(
      (await clientFor(ctx.app, u.pm!).GET('/api/v1/coordination/cohort-runs')).data!.items.length,
    ).toBeGreaterThan(0);
    const res = await clientFor(ctx.app, u.a!).GET('/api/v1/coordination/cohort-runs');
    expect(res.response.status).toBe(403);
    expect(res.response.headers.get('content-type')).toContain('application/problem+json');
  });
});
