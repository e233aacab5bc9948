import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { PER_USER_LIMITS } from '../../src/plugins/external/fairness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(() => ctx?.close());

describe('finding: one user can starve the rest (R-SEC-10)', () => {
  it('R-SEC-10: one person over the suggestions limit gets 429 + Retry-After; another person is unaffected', async () => {
    const greedy = await makeUser(ctx.app);
    const other = await makeUser(ctx.app);
    const max = PER_USER_LIMITS['GET /api/v1/me/suggestions']!.max;
    const statuses: number[] = [];
    for (let i = 0; i <= max; i++)
      statuses.push(
        (await ctx.app.inject({ url: '/api/v1/me/suggestions', headers: greedy.auth })).statusCode,
      );
    expect(statuses.slice(0, max)).not.toContain(429);
    const over = await ctx.app.inject({ url: '/api/v1/me/suggestions', headers: greedy.auth });
    expect(over.statusCode).toBe(429);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      (await ctx.app.inject({ url: '/api/v1/me/suggestions', headers: other.auth })).statusCode,
    ).not.toBe(429);
  });

  it('R-SEC-10: every expensive read named in the issue has a per-person limit', () => {
    for (const route of [
      'GET /api/v1/me/suggestions',
      'GET /api/v1/mentors',
      'GET /api/v1/directory',
      'GET /api/v1/reports/:report',
      'POST /api/v1/coordination/cohort-proposals',
    ])
      expect(PER_USER_LIMITS[route], route).toBeDefined();
    for (const route of Object.keys(PER_USER_LIMITS)) {
      const [method, url] = route.split(' ') as ['GET' | 'POST', string];
      expect(ctx.app.hasRoute({ method, url }), route).toBe(true);
    }
  });
});
