import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { SIGN_IN_NOTICE_SUBJECT } from '../../src/services/accounts/accounts.js';

/**
 * R-SEC-4: requests generated from the OpenAPI document for every operation — mostly shaped like the schema, with
 * hostile values mixed in (NUL, lone surrogates, huge numbers, long strings, wrong types, malformed bodies and
 * content types). Shared by the suite (a small seed-fixed run) and bench/fuzz.bench.ts (10,000+ requests).
 */
type Schema = Record<string, unknown>;
type Operation = {
  method: string;
  path: string;
  params: Array<{ name: string; in: string; schema?: Schema }>;
  body?: Schema;
};
export type FuzzRequest = { op: string; persona: number; inject: InjectOptions };
export type FuzzFailure = { op: string; status: number; why: string; request: string };

const NASTY = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  'a'.repeat(20_000),
  '1e308',
  '-1e308',
  '99999999999999999999',
  '-1',
  '',
  ' ',
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '😀',
  'null',
  '%ff',
  '{"$ne":null}',
];
const nastyString = fc.constantFrom(...NASTY);
const nastyValue = fc.oneof(
  nastyString,
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, -1, 0, 2 ** 31, 1.5, true, null, [], {}),
);

function stringArb(s: Schema): fc.Arbitrary<string> {
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as string[]));
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'date-time')
    return fc
      .date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') })
      .map((d) => d.toISOString());
  if (s.format === 'date')
    return fc
      .date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') })
      .map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'email') return fc.emailAddress();
  return fc.string({
    minLength: Number(s.minLength ?? 0),
    maxLength: Math.min(Number(s.maxLength ?? 40), 40),
  });
}

/** A value for a JSON schema: shaped like it eleven times in twelve, hostile otherwise. */
export function valueFor(s: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 4) return nastyValue;
  const shaped = shapedFor(s, depth);
  return fc.oneof({ arbitrary: shaped, weight: 11 }, { arbitrary: nastyValue, weight: 1 });
}

function shapedFor(s: Schema, depth: number): fc.Arbitrary<unknown> {
  if ('const' in s) return fc.constant(s.const);
  for (const key of ['anyOf', 'oneOf'] as const)
    if (Array.isArray(s[key])) return fc.oneof(...(s[key] as Schema[]).map((x) => valueFor(x, depth + 1)));
  if (Array.isArray(s.allOf)) return valueFor(Object.assign({}, ...(s.allOf as Schema[])), depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return fc.integer({
        min: Number(s.minimum ?? -1000),
        max: Math.min(Number(s.maximum ?? 1000), 1_000_000),
      });
    case 'number':
      return fc.double({ min: Number(s.minimum ?? -1000), max: Number(s.maximum ?? 1000), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueFor(s.items as Schema, depth + 1), { maxLength: 4 });
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = new Set((s.required ?? []) as string[]);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, p] of Object.entries(props)) model[name] = valueFor(p, depth + 1);
      const optional = Object.keys(props).filter((k) => !required.has(k));
      const extraKey = fc.oneof(
        { weight: 9, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom('extra', '\u0000', '__proto__', ...optional) },
      );
      return fc
        .record(model, { requiredKeys: [...required].filter((k) => k in props) })
        .chain((obj) => extraKey.map((extra) => (extra ? { ...obj, [extra]: 'x' } : obj)));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A path or query value: hostile one time in three (each is a single value, so it needs a higher rate). */
const paramValue = (s: Schema | undefined) =>
  s ? fc.oneof({ weight: 2, arbitrary: shapedFor(s, 0) }, { weight: 1, arbitrary: nastyValue }) : nastyValue;

/** Percent-encodes a path segment; a lone surrogate (which encodeURIComponent refuses) goes out as raw bad bytes. */
function segment(value: unknown): string {
  const text = String(value);
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

export function operationsOf(app: FastifyInstance): Operation[] {
  const doc = app.swagger() as {
    paths: Record<
      string,
      Record<
        string,
        { parameters?: Operation['params']; requestBody?: { content?: Record<string, { schema?: Schema }> } }
      >
    >;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: op.parameters ?? [],
      ...(op.requestBody?.content?.['application/json']?.schema
        ? { body: op.requestBody.content['application/json'].schema }
        : {}),
    })),
  );
}

/** One generated request for one operation, sent as one of `personas` callers (indexes). */
export function requestFor(op: Operation, personas: number): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const path = fc
    .tuple(
      ...pathParams.map((p) =>
        fc.oneof(
          { weight: 6, arbitrary: paramValue(p.schema) },
          { weight: 1, arbitrary: fc.constantFrom('%ff', '%00', 'a'.repeat(150)) },
        ),
      ),
    )
    .map((values) => {
      let i = 0;
      return op.path.replace(/\{\w+\}/g, () => {
        const v = values[i++];
        return typeof v === 'string' && /^%|^a{150}$/.test(v) ? v : segment(v);
      });
    });
  const query = fc
    .tuple(...queryParams.map((p) => fc.option(paramValue(p.schema), { nil: undefined })))
    .map((values) =>
      queryParams
        .map((p, i) =>
          values[i] === undefined
            ? ''
            : `${p.name}=${segment(typeof values[i] === 'object' ? JSON.stringify(values[i]) : values[i])}`,
        )
        .filter(Boolean)
        .join('&'),
    );
  const body = fc.oneof(
    {
      weight: 6,
      arbitrary: valueFor(op.body).map((v) => ({
        type: 'application/json',
        payload: JSON.stringify(v) ?? 'null',
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('', '{', '{"a":', 'null', '[]', '"\\ud800"', '{"x":"\\u0000"}')
        .map((payload) => ({ type: 'application/json', payload })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml'),
          fc.string(),
        )
        .map(([type, payload]) => ({ type, payload })),
    },
  );
  const hasBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method);
  // Signing out would end the caller's session for the rest of the run: those go anonymous (persona 0).
  const persona = op.path.startsWith('/api/v1/auth/logout') ? fc.constant(0) : fc.nat({ max: personas - 1 });
  return fc.record({ path, query, body, persona }).map(({ path: p, query: q, body: b, persona }) => ({
    op: `${op.method} ${op.path}`,
    persona,
    inject: {
      method: op.method as InjectOptions['method'],
      url: q ? `${p}?${q}` : p,
      ...(hasBody ? { payload: b.payload, headers: { 'content-type': b.type } } : {}),
    },
  }));
}

// Rows a refused request is meant to write: its audit entry, throttling counters and a revoked session id.
const EXPECTED_WRITES = new Set(['audit_log', 'rate_limit_counters', 'revoked_sessions']);
/** Outbox rows a refusal is meant to write: the owner's notice after repeated failed sign-ins (R-SEC-7). */
const EXPECTED_OUTBOX = `where x.subject <> '${SIGN_IN_NOTICE_SUBJECT.replace(/'/g, "''")}'`;

/**
 * A fingerprint of every table a refused request must leave alone, the outbox (but for the sign-in notice) and
 * job_runs included. Scheduled jobs write job_runs and the outbox on their own, so the fingerprint is only sound
 * on an app whose jobs are off: it refuses any other.
 */
export async function dataFingerprint(app: FastifyInstance): Promise<string> {
  if (app.config.JOBS !== 'off') throw new Error('dataFingerprint needs JOBS=off: job ticks write too');
  const tables = await queryRows<{ name: string }>(
    app.db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const parts = tables.filter((t) => !EXPECTED_WRITES.has(t.name) && !t.name.startsWith('__'));
  const select = parts
    .map(
      (t) =>
        `(select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) from "${t.name}" x ${t.name === 'email_outbox' ? EXPECTED_OUTBOX : ''})`,
    )
    .join(" || '|' || ");
  const [row] = await queryRows<{ f: string }>(app.db, sql.raw(`select md5(${select}) as f`));
  return row!.f;
}

/** Sends one request and says what is wrong with the answer, if anything. */
export async function check(
  app: FastifyInstance,
  request: FuzzRequest,
  headers: Record<string, string>,
  before?: string,
  statuses: Record<number, number> = {},
): Promise<FuzzFailure | undefined> {
  const res = await app.inject({
    ...request.inject,
    headers: { ...(request.inject.headers as Record<string, string>), ...headers },
  });
  statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
  const type = String(res.headers['content-type'] ?? '');
  const describe = `${request.inject.method} ${String(request.inject.url).slice(0, 200)} ${String(request.inject.payload ?? '').slice(0, 200)}`;
  const fail = (why: string): FuzzFailure => ({
    op: request.op,
    status: res.statusCode,
    why,
    request: describe,
  });
  if (res.statusCode >= 500) return fail('5xx');
  if (res.statusCode >= 400) {
    const oauth =
      request.op === 'POST /api/v1/oauth/token' &&
      type.startsWith('application/json') &&
      'error' in res.json();
    if (!type.startsWith('application/problem+json') && !oauth) return fail(`error as ${type}`);
    if (before === undefined) return undefined;
    // Work a route hands to afterResponse is the request's work too: wait for it before looking.
    await app.settled();
    if ((await dataFingerprint(app)) !== before) return fail('a refused request wrote data');
  }
  return undefined;
}
