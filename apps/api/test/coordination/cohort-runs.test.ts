import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortProposals } from '../../src/db/schema/index.js';
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

  it('R-MATCH-4/R-API-4: the history pages over every run, not only the newest 100', async () => {
    await ctx.app.db.insert(cohortProposals).values(
      Array.from({ length: 120 }, (_, n) => ({
        opdivs: ['CDC'],
        createdBy: u.cdc!.employee.id,
        topK: 10,
        total: 0,
        greedyTotal: 0,
        menteeCount: 0,
        mentorCount: 0,
        unmatched: [],
        createdAt: new Date(Date.UTC(2020, 0, 1, 0, Math.floor(n / 2))),
      })),
    );
    const ids: string[] = [];
    let url: string | null = '/api/v1/coordination/cohort-runs?limit=100';
    while (url) {
      const res = await ctx.app.inject({ method: 'GET', url, headers: u.pm!.auth });
      const page = res.json() as { items: Array<{ id: string; createdAt: string }>; next: string | null };
      expect(res.headers.link).toBe(page.next ? `<${page.next}>; rel="next"` : undefined);
      ids.push(...page.items.map((r) => r.id));
      url = page.next;
    }
    expect(ids.length).toBeGreaterThanOrEqual(121);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
