import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

describe('system', () => {
  it('answers /healthz and /readyz once migrations are applied', async () => {
    expect((await ctx.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await ctx.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('R-API-1: serves an OpenAPI 3 document where every route is versioned under /api/v1 and has tags, a summary and responses', async () => {
    const res = await ctx.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const operations = Object.entries(
      doc.paths as Record<string, Record<string, { tags?: string[]; summary?: string; responses?: object }>>,
    ).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBeGreaterThan(8);
    // Only the process probes for the platform (load balancer, orchestrator) live outside the versioned API.
    expect(
      Object.keys(doc.paths)
        .filter((p) => !p.startsWith('/api/v1/'))
        .sort(),
    ).toEqual(['/healthz', '/readyz']);
    for (const { path, method, op } of operations) {
      expect(op.tags?.length, `${method} ${path} tags`).toBeGreaterThan(0);
      expect(op.summary, `${method} ${path} summary`).toBeTruthy();
      expect(Object.keys(op.responses ?? {}).length, `${method} ${path} responses`).toBeGreaterThan(0);
    }
  });

  it('answers unknown API paths with a problem+json 404', async () => {
    const res = await ctx.app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('sets helmet security headers', async () => {
    const res = await ctx.app.inject('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('R-SEC-11: HSTS for a year with subdomains (ASVS 14.4.5) and no framing by any site (ASVS 14.4.7), on API answers and errors', async () => {
    for (const url of ['/healthz', '/api/v1/competencies', '/api/v1/no-such-route']) {
      const res = await ctx.app.inject(url);
      const hsts = String(res.headers['strict-transport-security']);
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1]), url).toBeGreaterThanOrEqual(31_536_000);
      expect(hsts).toContain('includeSubDomains');
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
    }
  });
});

describe('reference data', () => {
  it('R-COMP-1: lists the competencies with the eight focus competencies marked', async () => {
    const res = await ctx.app.inject('/api/v1/competencies');
    const list = res.json() as Array<{ name: string; focus: boolean; definition: string }>;
    const focus = list
      .filter((c) => c.focus)
      .map((c) => c.name)
      .sort();
    expect(focus).toEqual(
      [
        'Accountability',
        'Conflict Management',
        'Customer Service',
        'Decisiveness',
        'Leveraging Diversity',
        'Organizational Systems Awareness',
        'Self-Direction',
        'Strategic Thinking',
      ].sort(),
    );
    expect(list.every((c) => c.definition.length > 10)).toBe(true);
  });

  it('lets only the program manager change the settings, and validates them', async () => {
    const pm = await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] });
    const person = await makeUser(ctx.app);
    const current = (await ctx.app.inject({ url: '/api/v1/settings', headers: person.auth })).json();
    const changed = { ...current.value, invitationExpiryDays: 21 };
    const refused = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/settings',
      headers: person.auth,
      payload: changed,
    });
    expect(refused.statusCode).toBe(403);
    const bad = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/settings',
      headers: pm.auth,
      payload: { ...changed, maxCapacity: 9 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('/body/maxCapacity');
    const ok = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/settings',
      headers: pm.auth,
      payload: changed,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().value.invitationExpiryDays).toBe(21);
  });
});
