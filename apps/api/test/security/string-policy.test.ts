import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { makeSystemClient } from '../integrations/helpers.js';
import { EXPECTATIONS } from './authorization-expectations.js';

// R-SEC-4: the string policy holds for every request schema of every operation, read from the OpenAPI document the
// client is generated from (so a route that bypasses the onRoute policy, or a shared schema reached by $ref, shows).

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: string; schema?: Schema };
type OperationDoc = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
type Doc = {
  paths: Record<string, Record<string, OperationDoc>>;
  components?: { schemas?: Record<string, Schema> };
};

let ctx: TestContext;
let doc: Doc;
let programManager: Record<string, string>;
const systemClients: Record<string, Record<string, string>> = {};
beforeAll(async () => {
  ctx = await makeTestApp();
  doc = ctx.app.swagger() as unknown as Doc;
  programManager = (await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] })).auth;
  for (const access of new Set(Object.values(EXPECTATIONS).map((e) => e.access)))
    if (access.startsWith('system:'))
      systemClients[access] = await (
        await makeSystemClient(ctx.app, [access.slice('system:'.length)], access)
      ).token();
});
afterAll(() => ctx?.close());

/** Formats whose own grammar bounds the length (a date, a UUID); everything else needs a maxLength. */
const BOUNDED_FORMATS = new Set(['uuid', 'date', 'date-time', 'time']);

function resolve(schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace(/^#\/components\/schemas\//, '');
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`unresolved $ref ${ref}`);
  return target;
}

/** JSON pointers of every string in `schema` with no maxLength, enum, const or bounded format. */
function unboundedStrings(schema: Schema | undefined, where: string, seen = new Set<Schema>()): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = resolve(schema);
  if (seen.has(node)) return [];
  seen.add(node);
  const found: string[] = [];
  const types = [node.type].flat();
  const fixed = 'enum' in node || 'const' in node || BOUNDED_FORMATS.has(String(node.format));
  if (types.includes('string') && !fixed && typeof node.maxLength !== 'number') found.push(where);
  for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, Schema>))
    found.push(...unboundedStrings(child, `${where}/${name}`, seen));
  for (const key of ['items', 'additionalProperties', 'not'] as const)
    if (node[key] && typeof node[key] === 'object')
      found.push(...unboundedStrings(node[key] as Schema, `${where}/${key === 'items' ? '*' : key}`, seen));
  for (const key of ['anyOf', 'allOf', 'oneOf'] as const)
    for (const child of (node[key] ?? []) as Schema[]) found.push(...unboundedStrings(child, where, seen));
  return found;
}

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, path, op })),
  );

describe('finding: unbounded attacker text stored, over every schema (R-SEC-4, R-SEC-13)', () => {
  it('R-SEC-4: the walk finds an unbounded string, through a $ref and in an array', () => {
    doc.components = {
      ...doc.components,
      schemas: { ...doc.components?.schemas, Probe: { type: 'string' } },
    };
    expect(
      unboundedStrings(
        {
          type: 'object',
          properties: {
            a: { $ref: '#/components/schemas/Probe' },
            b: { type: 'array', items: { type: 'string', maxLength: 5 } },
            c: { type: 'array', items: { type: ['string', 'null'] } },
          },
        },
        'body',
      ),
    ).toEqual(['body/a', 'body/c/*']);
  });

  it('R-SEC-4: every request string of every operation (body, query, path, headers) has a maxLength', () => {
    const unbounded: string[] = [];
    let strings = 0;
    for (const { key, op } of operations()) {
      for (const p of op.parameters ?? []) {
        strings += 1;
        unbounded.push(...unboundedStrings(p.schema, `${p.in} ${p.name}`).map((f) => `${key}: ${f}`));
      }
      for (const [type, content] of Object.entries(op.requestBody?.content ?? {})) {
        strings += 1;
        unbounded.push(...unboundedStrings(content.schema, `body (${type})`).map((f) => `${key}: ${f}`));
      }
    }
    expect(operations().length).toBeGreaterThan(140);
    expect(strings).toBeGreaterThan(100);
    expect(unbounded).toEqual([]);
  });
});

const SEED = 1604;
const BAD = ['\u0000', 'a\u0000b', '\ud800', 'x\udfffy'];
/** Bad text in a path or query string: percent-encoded NUL (a lone surrogate has no UTF-8 form to send). */
const BAD_IN_URL = ['%00', 'a%00b'];
type Place = { in: 'body' | 'query' | 'path'; name: string };

/** Where one operation takes text from the caller: its body's properties, query and path parameters. */
function placesOf(op: OperationDoc): Place[] {
  const body = op.requestBody?.content?.['application/json']?.schema;
  const props = body ? Object.keys((resolve(body).properties ?? {}) as Record<string, Schema>) : [];
  return [
    ...props.map((name) => ({ in: 'body' as const, name })),
    // A body with no named properties still gets a key of its own; keys are checked like values.
    ...(body && props.length === 0 ? [{ in: 'body' as const, name: 'note' }] : []),
    ...(op.parameters ?? [])
      .filter((p) => p.in === 'query' || p.in === 'path')
      .map((p) => ({ in: p.in as 'query' | 'path', name: p.name })),
  ];
}

describe('NUL and broken Unicode refused on every operation (R-SEC-4)', () => {
  it('R-SEC-4: each operation, with NUL or a lone surrogate in one of its inputs (seed-fixed), answers a 400 naming the field', async () => {
    const wrong: string[] = [];
    const counts = { body: 0, query: 0, path: 0 };
    for (const [i, { key, path, op }] of operations().entries()) {
      const [method] = key.split(' ') as [string];
      const places = placesOf(op);
      // An operation that takes no input still has a query string: the refusal does not depend on a schema.
      const place = places.length
        ? fc.sample(fc.constantFrom(...places), { seed: SEED + i, numRuns: 1 })[0]!
        : { in: 'query' as const, name: 'x' };
      const bad = fc.sample(fc.constantFrom(...(place.in === 'body' ? BAD : BAD_IN_URL)), {
        seed: SEED + i,
        numRuns: 1,
      })[0]!;
      counts[place.in] += 1;
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) =>
        place.in === 'path' && place.name === name ? bad : name === 'id' ? crypto.randomUUID() : 'about',
      );
      const access = EXPECTATIONS[key]?.access ?? 'public';
      const headers =
        access === 'public' ? {} : access.startsWith('system:') ? systemClients[access]! : programManager;
      const res = await ctx.app.inject({
        method: method as 'GET',
        url: place.in === 'query' ? `${url}?${place.name}=${bad}` : url,
        headers,
        ...(place.in === 'body'
          ? {
              payload: JSON.stringify({ [place.name]: bad }),
              headers: { ...headers, 'content-type': 'application/json' },
            }
          : {}),
      });
      const pointer = `/${place.in === 'path' ? 'params' : place.in === 'query' ? 'querystring' : 'body'}/${place.name}`;
      const oauth = key === 'POST /api/v1/oauth/token';
      const answer = res.json() as { errors?: Array<{ field: string; message: string }>; error?: string };
      // The policy's own refusal, not a schema error that happens to name the same field.
      const named = oauth
        ? answer.error === 'invalid_request'
        : answer.errors?.[0]?.field === pointer && /does not accept/.test(answer.errors[0].message);
      const problem = oauth || String(res.headers['content-type']).startsWith('application/problem+json');
      if (res.statusCode !== 400 || !problem || !named)
        wrong.push(
          `${key} with ${JSON.stringify(bad)} in ${pointer}: ${res.statusCode} ${res.body.slice(0, 160)}`,
        );
    }
    console.info(
      `NUL / lone surrogate: ${operations().length} operations, by place ${JSON.stringify(counts)}`,
    );
    expect(counts.body).toBeGreaterThan(20);
    expect(counts.query + counts.path).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  }, 120_000);
});
