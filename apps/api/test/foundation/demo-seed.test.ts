import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from '../../src/seed/seed.js';
import { DEMO_PAIRS, pickPairs } from '../../src/seed/journeys.js';
import { generateWorkforce } from '../../src/seed/workforce.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
let seedMs = 0;
let cookie = '';
beforeAll(async () => {
  ctx = await makeTestApp();
  const started = performance.now();
  await seedDemo(ctx.app.db);
  seedMs = performance.now() - started;
  const login = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: DEMO_PEOPLE[1]!.person.email, password: DEMO_PASSWORD },
  });
  cookie = String(login.headers['set-cookie']).split(';')[0]!;
}, 120_000);
afterAll(async () => ctx?.close());

const get = (url: string) => ctx.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });

describe('the demo seed (issue 20: the CDC coordinator has something on every screen)', () => {
  it('gives the CDC dashboard pairs in several states, milestones due and overdue, a help request and a termination request', async () => {
    const d = (await get('/coordination/dashboard')).json();
    expect(d.livePairs.onboarding).toBeGreaterThanOrEqual(3);
    expect(d.livePairs.active).toBeGreaterThanOrEqual(8);
    expect(d.livePairs.termination_requested).toBeGreaterThanOrEqual(1);
    expect(d.milestones.overdue).toBeGreaterThanOrEqual(1);
    expect(d.helpRequests).toBeGreaterThanOrEqual(1);
    expect(d.terminationRequestsAwaitingGuidance).toBeGreaterThanOrEqual(1);
  });

  it('R-ADMIN-2: gives the reports outcomes and evaluations above the small-group threshold, and a true time to match', async () => {
    const from = new Date(Date.now() - 500 * 86_400_000).toISOString().slice(0, 10);
    const outcomes = (await get(`/reports/outcomes?from=${from}`)).json();
    const all =
      outcomes.rows.find(
        (r: { opdiv: string; platform: string }) => r.opdiv === 'CDC' && r.platform === 'ALL',
      ) ?? outcomes.rows[0];
    expect(all.completed).toBeGreaterThanOrEqual(5);
    expect(all.terminated).toBeGreaterThanOrEqual(1);
    const evaluation = (await get(`/reports/evaluation?from=${from}`)).json();
    expect(
      evaluation.rows.some(
        (r: { suppressed: boolean; role: string }) => !r.suppressed && r.role === 'mentee',
      ),
    ).toBe(true);
    const matching = (await get(`/reports/matching?from=${from}`)).json();
    for (const r of matching.rows)
      if (r.medianDaysToMatch !== null) expect(r.medianDaysToMatch).toBeGreaterThan(0);
  });

  it('is deterministic and fast: the same people are paired on every start, and seeding stays a start-up detail', () => {
    const exclude = new Set(DEMO_PEOPLE.map((d) => d.person.id));
    const ids = () =>
      pickPairs(generateWorkforce(2000), DEMO_PAIRS.length, exclude).map(
        (p) => `${p.mentee.id}>${p.mentor.id}`,
      );
    expect(ids()).toEqual(ids());
    expect(ids()).toHaveLength(DEMO_PAIRS.length);
    expect(seedMs).toBeLessThan(60_000);
  });
});
