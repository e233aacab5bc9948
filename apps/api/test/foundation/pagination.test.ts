import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeEmployee, makeUser } from '../helpers/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  maxItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Operation = {
  parameters?: Array<{ in: string; name: string }>;
  responses?: Record<
    string,
    { headers?: Record<string, unknown>; content?: Record<string, { schema: Schema }> }
  >;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

/**
 * Fixed reference data, and single documents whose lists are bounded by the thing itself (a relationship's fixed
 * milestones, a case's contacts, a cohort proposal's pairs, a report's groups, the dashboard's counts); decision 0900
 * and 0910 say why they are not pages. Anything else that answers records in an array is a list.
 */
const NOT_PAGES = new Set([
  'GET /api/v1/competencies',
  'GET /api/v1/opdivs',
  'GET /api/v1/content',
  'GET /api/v1/content/{slug}/versions',
  'GET /api/v1/content/{slug}/sections/{sectionId}',
  'GET /api/v1/training/me',
  'GET /api/v1/relationships/{id}',
  'GET /api/v1/coordination/dashboard',
  'GET /api/v1/coordination/third-party-cases/{id}',
  'GET /api/v1/coordination/cohort-proposals/{id}',
  'GET /api/v1/reports/{report}',
]);

/**
 * Where the 200 body of a GET carries records in an array with no bound (`maxItems`): the body itself, or any of its
 * top-level fields (a list nested beside a few fields, as a thread's messages were). Arrays of plain values (roles,
 * scopes, event types) are attributes, not lists.
 */
function listsIn(doc: Doc, op: Operation): string[] {
  const resolve = (s: Schema | undefined): Schema | undefined =>
    s?.$ref ? resolve(doc.components.schemas[s.$ref.split('/').pop()!]) : s;
  const arraysOf = (s: Schema | undefined): Schema[] => {
    const r = resolve(s);
    if (!r) return [];
    if (r.type === 'array') return [r];
    return [...(r.anyOf ?? []), ...(r.oneOf ?? []), ...(r.allOf ?? [])].flatMap(arraysOf);
  };
  const isRecord = (s: Schema | undefined): boolean => {
    const r = resolve(s);
    return r?.type === 'object' || [...(r?.anyOf ?? []), ...(r?.oneOf ?? [])].some(isRecord);
  };
  const unbounded = (s: Schema | undefined) =>
    arraysOf(s).some((a) => a.maxItems === undefined && isRecord(a.items));
  const body = resolve(op.responses?.['200']?.content?.['application/json']?.schema);
  if (!body) return [];
  if (unbounded(body)) return ['(the body)'];
  return Object.entries(body.properties ?? {})
    .filter(([, field]) => unbounded(field))
    .map(([name]) => name);
}

/** The paged lists must be exactly `items` beside `limit` and `next`, with the Link header; the rest is a finding. */
function pagingFindings(doc: Doc, notPages: Set<string>) {
  const findings: string[] = [];
  const lists: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const name = `${method.toUpperCase()} ${path}`;
      if (method !== 'get' || notPages.has(name)) continue;
      const found = listsIn(doc, op);
      if (found.length === 0) continue;
      lists.push(name);
      const ok = op.responses?.['200'];
      const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const body = ok?.content?.['application/json']?.schema;
      const fields = Object.keys(
        (body?.$ref ? doc.components.schemas[body.$ref.split('/').pop()!] : body)?.properties ?? {},
      );
      const problems = [
        ...(found.some((f) => f !== 'items') ? [`an unpaged list in ${found.join(', ')}`] : []),
        ...(['limit', 'cursor'].every((q) => query.includes(q)) ? [] : ['no limit and cursor']),
        ...(query.includes('offset') ? ['an offset'] : []),
        ...(['items', 'limit', 'next'].every((k) => fields.includes(k)) ? [] : ['no items, limit and next']),
        ...(Object.keys(ok?.headers ?? {}).includes('Link') ? [] : ['no Link header']),
      ];
      if (problems.length) findings.push(`${name}: ${problems.join('; ')}`);
    }
  return { findings, lists };
}

const openapi = async () => (await ctx.app.inject('/api/openapi.json')).json() as Doc;

describe('R-API-4: one pagination for every list', () => {
  it('R-API-4: every list route takes limit and cursor and answers items, limit, next and a Link header', async () => {
    const { findings, lists } = pagingFindings(await openapi(), NOT_PAGES);
    expect(findings).toEqual([]);
    // The lists the issue and its audit name are among them.
    expect(lists).toEqual(
      expect.arrayContaining([
        'GET /api/v1/relationships',
        'GET /api/v1/invitations',
        'GET /api/v1/directory',
        'GET /api/v1/relationships/{id}/messages',
        'GET /api/v1/invitations/{id}/messages',
        'GET /api/v1/relationships/{id}/meetings',
        'GET /api/v1/me/messages/unread',
        'GET /api/v1/coordination/cohort-runs',
      ]),
    );
    expect(lists.length).toBeGreaterThan(20);
  });

  it('R-API-4: the check fails on an unpaged list, whether the array is the body or a field beside others', async () => {
    const doc = await openapi();
    const thread = doc.paths['/api/v1/relationships/{id}/messages']!.get!;
    const message = { type: 'object', properties: { body: { type: 'string' } } };
    // The thread as it was: its messages nested beside the thread's own fields, no cursor, no Link.
    thread.parameters = (thread.parameters ?? []).filter((p) => p.in !== 'query');
    thread.responses!['200'] = {
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: { partnerName: { type: 'string' }, messages: { type: 'array', items: message } },
          },
        },
      },
    };
    // And a bare array body.
    doc.paths['/api/v1/made-up'] = {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { type: 'array', items: message } } } },
        },
      },
    };
    const { findings } = pagingFindings(doc, NOT_PAGES);
    expect(findings).toEqual([
      expect.stringMatching(
        /^GET \/api\/v1\/relationships\/\{id\}\/messages: an unpaged list in messages; no limit and cursor/,
      ),
      expect.stringMatching(/^GET \/api\/v1\/made-up: an unpaged list in \(the body\); no limit and cursor/),
    ]);
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
