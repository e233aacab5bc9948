import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
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

  // The other expensive operations the issue names, each by a caller it serves: up to the limit nothing is refused,
  // one more is a 429 problem with Retry-After, and another person (of the same role) is still served.
  for (const [route, role, request] of [
    ['GET /api/v1/directory', 'participant', { url: '/api/v1/directory?q=smith' }],
    ['GET /api/v1/mentors', 'participant', { url: '/api/v1/mentors?q=data' }],
    ['GET /api/v1/reports/:report', 'coordinator', { url: '/api/v1/reports/participation' }],
    [
      'POST /api/v1/coordination/cohort-proposals',
      'coordinator',
      { method: 'POST', url: '/api/v1/coordination/cohort-proposals', payload: { topK: 5 } },
    ],
  ] as const)
    it(`R-SEC-10: one person over the ${route} limit gets 429 + Retry-After; another person is unaffected`, async () => {
      const grants = role === 'coordinator' ? [{ role: 'coordinator' as const, opdiv: 'CDC' }] : [];
      const greedy = await makeUser(ctx.app, { grants });
      const other = await makeUser(ctx.app, { grants });
      const send = (auth: Record<string, string>) =>
        ctx.app.inject({ ...(request as InjectOptions), headers: auth });
      const max = PER_USER_LIMITS[route]!.max;
      const statuses: number[] = [];
      for (let i = 0; i < max; i++) statuses.push((await send(greedy.auth)).statusCode);
      expect(statuses.filter((s) => s !== 429 && s < 300)).toHaveLength(max);
      const over = await send(greedy.auth);
      expect(over.statusCode).toBe(429);
      expect(over.headers['content-type']).toContain('application/problem+json');
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect((await send(other.auth)).statusCode).toBeLessThan(300);
    }, 60_000);

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
