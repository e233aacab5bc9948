import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeEmployee, makeUser } from '../helpers/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; items?: Schema };
type Operation = {
  parameters?: Array<{ in: string; name: string }>;
  responses?: Record<
    string,
    { headers?: Record<string, unknown>; content?: Record<string, { schema: Schema }> }
  >;
};

// Fixed reference data and single documents that carry a list inside them; decision 0900 says why they are not pages.
const NOT_PAGES = new Set([
  'GET /api/v1/competencies',
  'GET /api/v1/opdivs',
  'GET /api/v1/content',
  'GET /api/v1/content/{slug}/versions',
  'GET /api/v1/content/{slug}/sections/{sectionId}',
  'GET /api/v1/training/me',
]);

describe('R-API-4: one pagination for every list', () => {
  it('R-API-4: every list route takes limit and cursor and answers items, limit, next and a Link header', async () => {
    const doc = (await ctx.app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema> };
    };
    const resolve = (s: Schema | undefined): Schema | undefined =>
      s?.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s;
    const lists: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const ok = op.responses?.['200'];
        const body = resolve(ok?.content?.['application/json']?.schema);
        const isList = body?.type === 'array' || resolve(body?.properties?.items)?.type === 'array';
        const name = `${method.toUpperCase()} ${path}`;
        if (!isList || NOT_PAGES.has(name)) continue;
        lists.push(name);
        const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        expect(query, name).toEqual(expect.arrayContaining(['limit', 'cursor']));
        expect(query, name).not.toContain('offset');
        expect(body?.type, name).toBe('object');
        expect(Object.keys(body?.properties ?? {}), name).toEqual(
          expect.arrayContaining(['items', 'limit', 'next']),
        );
        expect(Object.keys(ok?.headers ?? {}), name).toContain('Link');
      }
    // The lists the issue names are among them.
    expect(lists).toEqual(
      expect.arrayContaining([
        'GET /api/v1/relationships',
        'GET /api/v1/invitations',
        'GET /api/v1/directory',
      ]),
    );
    expect(lists.length).toBeGreaterThan(15);
  });

  it('R-API-4: a cursor is stable under inserts: paging on after new rows arrive neither repeats nor skips', async () => {
    const viewer = await makeUser(ctx.app);
    const insert = (last: string) =>
      makeEmployee(ctx.app, {
        id: `PG-${last}`,
        firstName: 'Page',
        lastName: `Zzpager${last}`,
        email: `pager.${last}@hhs.gov`,
      });
    for (const last of ['b', 'd', 'f', 'h']) await insert(last);
    const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: viewer.auth });
    const first = await get('/api/v1/directory?q=zzpager&limit=2');
    expect(first.json().items.map((e: { lastName: string }) => e.lastName)).toEqual(['Zzpagerb', 'Zzpagerd']);
    expect(first.headers.link).toBe(`<${first.json().next}>; rel="next"`);
    // One arrives before the cursor, one after it.
    await insert('a');
    await insert('e');
    const second = await get(first.json().next);
    expect(second.json().items.map((e: { lastName: string }) => e.lastName)).toEqual([
      'Zzpagere',
      'Zzpagerf',
    ]);
    const third = await get(second.json().next);
    expect(third.json().items.map((e: { lastName: string }) => e.lastName)).toEqual(['Zzpagerh']);
    expect(third.json().next).toBeNull();
    expect(third.headers.link).toBeUndefined();
  });

  it('R-API-4: a cursor we did not give out is a 400 problem, and limit is bounded', async () => {
    const viewer = await makeUser(ctx.app);
    const bad = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/directory?cursor=not-ours',
      headers: viewer.auth,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().detail).toContain('R-API-4');
    const big = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/directory?limit=101',
      headers: viewer.auth,
    });
    expect(big.statusCode).toBe(400);
  });
});
