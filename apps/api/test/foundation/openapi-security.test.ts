import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { makeSystemClient } from '../integrations/helpers.js';
import { SYSTEM_SCOPES } from '../../src/db/schema/integrations.js';

// R-API-6: what the OpenAPI document declares about each operation's security, checked against what the route does,
// generated over the document: no token → 401, a person of the wrong role → 403, a system client with a scope the
// operation does not list → 403 (401 where it admits no system client at all), the declared ones → let through.

type Requirement = Record<string, string[]>;
type Operation = {
  security?: Requirement[];
  'x-people'?: 'user' | 'staff' | 'pm';
  'x-scope-by-parameter'?: { name: string; scopes: Record<string, string> };
  requestBody?: unknown;
};
type Response = Awaited<ReturnType<TestContext['app']['inject']>>;
type Op = { method: string; path: string; key: string; op: Operation };

const PARAMS: Record<string, string> = {
  slug: 'about',
  sectionId: 'unknown-section',
  version: '1',
  employeeId: 'T00000000',
  mentorId: 'T00000000',
  role: 'mentee',
  report: 'participation',
  feed: 'relationships',
  token: 'not-a-feed-token',
};
const urlOf = (path: string, values: Record<string, string> = {}) =>
  path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? PARAMS[name] ?? randomUUID());

let ctx: TestContext;
let ops: Op[];
const people: Record<'participant' | 'coordinator' | 'pm', { auth: Record<string, string>; token: string }> =
  {} as never;
const clients: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  ctx = await makeTestApp();
  const doc = (await ctx.app.inject('/api/openapi.json')).json<{
    paths: Record<string, Record<string, Operation>>;
  }>();
  ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([m, op]) => ({
      method: m.toUpperCase(),
      path,
      key: `${m.toUpperCase()} ${path}`,
      op,
    })),
  );
  // Signing out ends the caller's sessions: those go last.
  const last = (o: Op) => ['/api/v1/auth/logout-everywhere', '/api/v1/auth/logout'].indexOf(o.path);
  ops.sort((a, b) => last(a) - last(b));
  people.participant = await makeUser(ctx.app);
  people.coordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
  people.pm = await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] });
  for (const scope of SYSTEM_SCOPES)
    clients[scope] = await (await makeSystemClient(ctx.app, [scope], `client ${scope}`)).token();
});
afterAll(() => ctx?.close());

const call = (o: Op, headers: Record<string, string>, url = urlOf(o.path)) =>
  ctx.app.inject({
    method: o.method as 'GET',
    url,
    headers,
    ...(o.op.requestBody !== undefined && o.path !== '/api/v1/oauth/token' ? { payload: {} } : {}),
  });

const ADMITS: Record<string, Array<keyof typeof people>> = {
  user: ['participant', 'coordinator', 'pm'],
  staff: ['coordinator', 'pm'],
  pm: ['pm'],
};

describe('R-API-6: the OpenAPI document declares the security each route enforces', () => {
  it('R-API-6: every operation states its security, and the system-client scopes are the oauth2 scheme’s', async () => {
    const doc = (await ctx.app.inject('/api/openapi.json')).json<{
      security?: unknown;
      components: {
        securitySchemes: Record<
          string,
          { flows?: { clientCredentials: { tokenUrl: string; scopes: object } } }
        >;
      };
      paths: Record<string, unknown>;
    }>();
    expect(doc.security).toBeUndefined();
    const flow = doc.components.securitySchemes.oauth2!.flows!.clientCredentials;
    expect(Object.keys(flow.scopes).sort()).toEqual([...SYSTEM_SCOPES].sort());
    expect(doc.paths[flow.tokenUrl]).toHaveProperty('post');
    expect(ops.filter((o) => !Array.isArray(o.op.security)).map((o) => o.key)).toEqual([]);
    for (const o of ops) {
      const scopes = (o.op.security ?? []).flatMap((r) => r.oauth2 ?? []);
      expect(
        scopes.every((s) => (SYSTEM_SCOPES as readonly string[]).includes(s)),
        o.key,
      ).toBe(true);
      // Security names people exactly when x-people says who.
      expect(
        (o.op.security ?? []).some((r) => 'session' in r),
        o.key,
      ).toBe(o.op['x-people'] !== undefined);
    }
  });

  it('R-API-6: each operation, called without a token, as each role and as a client of each scope, answers as declared', async () => {
    const wrong: string[] = [];
    let cases = 0;
    // A guard's own refusal, as opposed to a refusal of the object (another pair's, another OPDIV's).
    const GUARD_REFUSAL =
      /^(Only coordinators and the program manager|Only the program manager|This needs the scope)/;
    const check = (o: Op, who: string, res: Response, want: 'allow' | 'allow-person' | 401 | 403) => {
      cases += 1;
      const status = res.statusCode;
      const byGuard = status === 403 && GUARD_REFUSAL.test(String(res.json<{ detail?: string }>().detail));
      const ok =
        status < 500 &&
        (want === 'allow'
          ? status !== 401 && status !== 403
          : want === 'allow-person'
            ? status !== 401 && !byGuard
            : status === want);
      if (!ok) wrong.push(`${o.key} as ${who}: ${status}, declared ${want}`);
    };
    for (const o of ops) {
      const security = o.op.security ?? [];
      const declared = security.flatMap((r) => r.oauth2 ?? []);
      const byParam = o.op['x-scope-by-parameter'];
      check(o, 'no token', await call(o, {}), security.length === 0 ? 'allow' : 401);
      const admitted = o.op['x-people'] ? ADMITS[o.op['x-people']]! : [];
      for (const [name, person] of Object.entries(people))
        if (security.length > 0)
          check(
            o,
            name,
            await call(o, person.auth),
            admitted.includes(name as keyof typeof people) ? 'allow-person' : 403,
          );
      const values = byParam ? Object.keys(byParam.scopes) : [undefined];
      for (const value of values) {
        const url = urlOf(o.path, byParam && value ? { [byParam.name]: value } : {});
        const needed = byParam && value ? [byParam.scopes[value]!] : declared;
        for (const scope of SYSTEM_SCOPES) {
          if (security.length === 0) continue;
          const want = needed.includes(scope) ? 'allow' : declared.length > 0 ? 403 : 401;
          check(o, `client ${scope} at ${url}`, await call(o, clients[scope]!, url), want);
        }
      }
    }
    console.info(`openapi security: ${ops.length} operations, ${cases} cases`);
    expect(wrong).toEqual([]);
    expect(cases).toBeGreaterThan(ops.length * 5);
  }, 300_000);

  it('R-API-6: a person signed in by the session cookie is let through where the document names the cookie', async () => {
    // A program manager of their own: the previous test signed the others out at its end.
    const pm = await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] });
    const cookie = { cookie: `hhs_session=${pm.token}` };
    const reads = ops.filter((o) => o.method === 'GET' && o.op['x-people']);
    expect(reads.length).toBeGreaterThan(30);
    const refused: string[] = [];
    for (const o of reads) if ((await call(o, cookie)).statusCode === 401) refused.push(o.key);
    expect(refused).toEqual([]);
  });
});
