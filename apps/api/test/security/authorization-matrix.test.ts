import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { makeSystemClient } from '../integrations/helpers.js';
import { mentee, mentor, pairUp } from '../helpers/people.js';
import { makeEvent } from '../training/helpers.js';
import { SYSTEM_SCOPES } from '../../src/db/schema/integrations.js';
import { EXPECTATIONS, type Expectation } from './authorization-expectations.js';

// R-SEC-3: every operation of the OpenAPI document × anonymous, each role, a system client of each scope; then
// objects of another pair and another OPDIV. Counts are printed and recorded in docs/security.md.

type Persona = {
  name: string;
  kind: 'anonymous' | 'participant' | 'coordinator' | 'pm' | 'system';
  scope?: string;
  headers: Record<string, string>;
};
type Operation = { method: string; path: string; key: string; hasBody: boolean };

let ctx: TestContext;
let operations: Operation[];
const personas: Persona[] = [];
beforeAll(async () => {
  ctx = await makeTestApp();
  const doc = ctx.app.swagger() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([m, op]) => ({
      method: m.toUpperCase(),
      path,
      key: `${m.toUpperCase()} ${path}`,
      hasBody: op.requestBody !== undefined,
    })),
  );
  // Signing out ends the caller's session (everywhere, then this one): those go last.
  const order = (o: Operation) => ['/api/v1/auth/logout-everywhere', '/api/v1/auth/logout'].indexOf(o.path);
  operations.sort((a, b) => order(a) - order(b));
  personas.push({ name: 'anonymous', kind: 'anonymous', headers: {} });
  personas.push({ name: 'participant', kind: 'participant', headers: (await makeUser(ctx.app)).auth });
  personas.push({
    name: 'CDC coordinator',
    kind: 'coordinator',
    headers: (await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] })).auth,
  });
  personas.push({
    name: 'program manager',
    kind: 'pm',
    headers: (await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] })).auth,
  });
  for (const scope of SYSTEM_SCOPES)
    personas.push({
      name: `system client ${scope}`,
      kind: 'system',
      scope,
      headers: await (await makeSystemClient(ctx.app, [scope], `client ${scope}`)).token(),
    });
});
afterAll(() => ctx?.close());

const PARAMS: Record<string, () => string> = {
  id: () => randomUUID(),
  slug: () => 'about',
  sectionId: () => 'unknown-section',
  version: () => '1',
  employeeId: () => 'T00000000',
  role: () => 'mentee',
  report: () => 'participation',
  feed: () => 'relationships',
  name: () => 'relationships',
  token: () => 'not-a-feed-token',
  mentorId: () => 'T00000000',
  deliveryId: () => randomUUID(),
};
const urlOf = (path: string, values: Record<string, string> = {}) =>
  path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? (PARAMS[name] ?? (() => 'x'))());

/** 'allow', or the status a refused caller must get. */
function expected(e: Expectation, p: Persona): 'allow' | 401 | 403 {
  if (e.access === 'public') return 'allow';
  if (p.kind === 'anonymous') return 401;
  if (e.access.startsWith('system:'))
    return p.kind === 'system' && p.scope === e.access.slice('system:'.length) ? 'allow' : 403;
  const scopes = [
    ...(e.scopes ?? []),
    ...(e.access.startsWith('scope:') ? [e.access.slice('scope:'.length)] : []),
  ];
  if (p.kind === 'system')
    return scopes.includes(p.scope!) ? 'allow' : e.access.startsWith('scope:') || scopes.length ? 403 : 401;
  if (e.access === 'user') return 'allow';
  if (e.access === 'staff') return p.kind === 'participant' ? 403 : 'allow';
  return p.kind === 'pm' ? 'allow' : 403; // pm and scope:* routes: people other than the program manager are refused
}

const call = (op: Operation, headers: Record<string, string>, url = urlOf(op.path)) =>
  ctx.app.inject({
    method: op.method as 'GET',
    url,
    headers,
    ...(['POST', 'PUT', 'PATCH'].includes(op.method) && op.path !== '/api/v1/oauth/token'
      ? { payload: {} }
      : {}),
  });

describe('authorization matrix from the OpenAPI document (R-SEC-3, R-ROLE-2, R-API-2)', () => {
  it('R-SEC-3: every operation has an expectation, and every expectation an operation', () => {
    expect(operations.map((o) => o.key).filter((k) => !EXPECTATIONS[k])).toEqual([]);
    expect(Object.keys(EXPECTATIONS).filter((k) => !operations.some((o) => o.key === k))).toEqual([]);
  });

  it('R-SEC-3: each operation × each caller gets what its expectation says, and never a 5xx', async () => {
    const wrong: string[] = [];
    let cases = 0;
    for (const op of operations)
      for (const persona of personas) {
        const res = await call(op, persona.headers);
        cases += 1;
        const want = expected(EXPECTATIONS[op.key]!, persona);
        const ok =
          res.statusCode < 500 &&
          (want === 'allow'
            ? res.statusCode !== 401 && (res.statusCode !== 403 || EXPECTATIONS[op.key]!.object === true)
            : res.statusCode === want);
        if (!ok) wrong.push(`${op.key} as ${persona.name}: ${res.statusCode}, expected ${want}`);
      }
    console.info(
      `authorization matrix: ${operations.length} operations × ${personas.length} callers = ${cases} cases`,
    );
    expect(wrong).toEqual([]);
    // About 1,500 requests: minutes on a loaded CI machine.
  }, 300_000);

  it("R-SEC-3, R-ROLE-2: another pair's and another OPDIV's objects are refused (403 or 404)", async () => {
    const a = await mentee(ctx.app, { opdiv: 'CDC' });
    const m = await mentor(ctx.app, { opdiv: 'CDC' });
    const relationshipId = await pairUp(ctx.app, a, m);
    const otherPair = await mentee(ctx.app, { opdiv: 'NIH' });
    const fdaCoordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'FDA' }] });
    const objectRoutes = operations.filter(
      (o) =>
        o.path.startsWith('/api/v1/relationships/{id}') &&
        (o.method === 'GET' || (o.method === 'POST' && !o.hasBody)),
    );
    const wrong: string[] = [];
    let cases = 0;
    for (const op of objectRoutes)
      for (const [who, headers] of [
        ['a person of another pair', otherPair.auth],
        ['an FDA coordinator', fdaCoordinator.auth],
      ] as const) {
        const url = urlOf(op.path, { id: relationshipId, role: 'mentee' });
        const res = await ctx.app.inject({ method: op.method as 'GET', url, headers });
        cases += 1;
        if (![403, 404].includes(res.statusCode)) wrong.push(`${op.key} as ${who}: ${res.statusCode}`);
      }
    console.info(
      `authorization matrix, objects of others: ${objectRoutes.length} operations × 2 callers = ${cases} cases`,
    );
    expect(cases).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
    expect(
      (await ctx.app.inject({ url: `/api/v1/relationships/${relationshipId}`, headers: a.auth })).statusCode,
    ).toBe(200);
  });

  it("R-SEC-3, R-SEC-12: another pair's invitations, meetings and messages, and another OPDIV's training rosters, are refused (403 or 404)", async () => {
    const supervisor = await makeUser(ctx.app, { employee: { opdiv: 'CDC' } });
    const a = await mentee(ctx.app, { opdiv: 'CDC', supervisorId: supervisor.employee.id });
    const m = await mentor(ctx.app, { opdiv: 'CDC' });
    const relationshipId = await pairUp(ctx.app, a, m);
    const invitee = await mentor(ctx.app, { opdiv: 'CDC' });
    const inviter = await mentee(ctx.app, { opdiv: 'CDC' });
    const invitation = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: inviter.auth,
      payload: { mentorId: invitee.employee.id, message: 'Hello' },
    });
    const meeting = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/relationships/${relationshipId}/meetings`,
      headers: a.auth,
      payload: {
        startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        timeZone: 'America/New_York',
        durationMinutes: 60,
        mode: 'video',
        location: 'https://meet.example.gov/abc',
        agenda: 'Goals',
      },
    });
    const message = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/relationships/${relationshipId}/messages`,
      headers: a.auth,
      payload: { body: 'Hello' },
    });
    expect([invitation.statusCode, meeting.statusCode, message.statusCode]).toEqual([201, 201, 201]);
    const { event } = await makeEvent(ctx.app, { opdiv: 'FDA' });
    const otherPair = await mentee(ctx.app, { opdiv: 'NIH' });
    const fdaCoordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'FDA' }] });
    const cdcCoordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    const readOrBodiless = (o: Operation) => o.method === 'GET' || (o.method === 'POST' && !o.hasBody);
    const under = (prefix: string) =>
      operations.filter((o) => o.path.startsWith(prefix) && readOrBodiless(o));
    const groups = [
      {
        what: 'invitation',
        ops: under('/api/v1/invitations/{id}'),
        id: invitation.json<{ id: string }>().id,
        outsiders: { 'a person of another pair': otherPair.auth, 'an FDA coordinator': fdaCoordinator.auth },
      },
      {
        what: 'meeting',
        ops: under('/api/v1/meetings/{id}'),
        id: meeting.json<{ id: string }>().id,
        outsiders: { 'a person of another pair': otherPair.auth, 'an FDA coordinator': fdaCoordinator.auth },
      },
      {
        // The mentee's supervisor is no party to the pair's meetings and messages (R-SEC-1).
        what: "the pair's meetings and messages",
        ops: under('/api/v1/relationships/{id}/m'),
        id: relationshipId,
        outsiders: {
          'a person of another pair': otherPair.auth,
          'an FDA coordinator': fdaCoordinator.auth,
          "the mentee's supervisor": supervisor.auth,
        },
      },
      {
        what: 'FDA training event roster',
        ops: operations.filter((o) =>
          /^\/api\/v1\/training\/events\/\{id\}\/(roster|evaluations)$/.test(o.path),
        ),
        id: event.id,
        outsiders: { 'a CDC coordinator': cdcCoordinator.auth, 'a participant': otherPair.auth },
      },
    ];
    const wrong: string[] = [];
    let cases = 0;
    for (const group of groups) {
      expect(group.ops.length, group.what).toBeGreaterThan(0);
      for (const op of group.ops)
        for (const [who, headers] of Object.entries(group.outsiders)) {
          const res = await ctx.app.inject({
            method: op.method as 'GET',
            url: urlOf(op.path, { id: group.id }),
            headers,
          });
          cases += 1;
          if (![403, 404].includes(res.statusCode))
            wrong.push(`${op.key} on ${group.what} as ${who}: ${res.statusCode}`);
        }
    }
    console.info(`authorization matrix, invitations, meetings, messages, rosters of others: ${cases} cases`);
    expect(wrong).toEqual([]);
    // The same calls by the people they belong to are not refused, so the refusals above are about the caller.
    for (const [url, headers] of [
      [`/api/v1/invitations/${groups[0]!.id}`, inviter.auth],
      [`/api/v1/meetings/${groups[1]!.id}/ics`, m.auth],
      [`/api/v1/relationships/${relationshipId}/messages`, m.auth],
    ] as const)
      expect((await ctx.app.inject({ url, headers })).statusCode, url).toBe(200);
  }, 120_000);

  it('R-SEC-3: the parties of one invitation may each do only their own part of it', async () => {
    const a = await mentee(ctx.app, { opdiv: 'CDC' });
    const m = await mentor(ctx.app, { opdiv: 'CDC' });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: a.auth,
      payload: { mentorId: m.employee.id, message: 'Hello' },
    });
    const id = res.json<{ id: string }>().id;
    const post = (action: string, headers: Record<string, string>) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/invitations/${id}/${action}`,
        headers,
        ...(action === 'decline' ? { payload: { reason: 'other' } } : {}),
      });
    // The mentee cannot answer for the mentor; the mentor cannot withdraw or confirm the mentee's invitation.
    expect((await post('accept', a.auth)).statusCode).toBe(403);
    expect((await post('decline', a.auth)).statusCode).toBe(403);
    expect((await post('withdraw', m.auth)).statusCode).toBe(403);
    expect((await post('confirm', m.auth)).statusCode).toBe(403);
    // Each may do their own part.
    expect((await post('accept', m.auth)).statusCode).toBe(200);
    expect((await post('confirm', a.auth)).statusCode).toBe(200);
  });
});
