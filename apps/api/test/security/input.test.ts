import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from '@sinclair/typebox';
import { freshDatabase, makeTestApp, type TestContext } from '../helpers/app.js';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { makeUser } from '../helpers/factories.js';
import { auditLog } from '../../src/db/schema/index.js';
import { eq } from 'drizzle-orm';

let ctx: TestContext;
let auth: { authorization: string };
beforeAll(async () => {
  ctx = await makeTestApp();
  auth = (await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] })).auth;
});
afterAll(() => ctx?.close());

const isProblem = (res: { statusCode: number; headers: Record<string, unknown> }) => {
  expect(res.statusCode).toBeLessThan(500);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
};

describe('finding: 43 answers 500 to bad input (R-SEC-4)', () => {
  it('R-SEC-4: a NUL byte in a body string is a 400 problem naming the field', async () => {
    const res = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/me/applications/mentee',
      headers: auth,
      payload: { bio: '\u0000' },
    });
    isProblem(res);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('/body/bio');
  });

  it('R-SEC-4: a NUL byte in a path is a 400 problem', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/directory/%00', headers: auth });
    isProblem(res);
    expect(res.statusCode).toBe(400);
  });

  it('R-SEC-4: a lone surrogate in a body string is a 400 problem', async () => {
    const res = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/me/applications/mentee',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"bio":"\\ud800"}',
    });
    isProblem(res);
    expect(res.statusCode).toBe(400);
  });

  it('R-SEC-4: offset=1e308 on a paged list is a 400 problem', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/directory?offset=1e308', headers: auth });
    isProblem(res);
    expect(res.statusCode).toBe(400);
  });

  it('R-SEC-4: a 20-digit integer in a path is a 400 problem', async () => {
    const res = await ctx.app.inject({
      url: '/api/v1/content/about/versions/99999999999999999999',
      headers: auth,
    });
    isProblem(res);
    expect(res.statusCode).toBe(400);
  });

  it('R-SEC-4: a 900 KB string where the schema set no maxLength is a 400 problem', async () => {
    const res = await ctx.app.inject({ url: `/api/v1/directory?q=${'a'.repeat(900_000)}`, headers: auth });
    isProblem(res);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('/querystring/q');
    const body = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/me/applications/mentee',
      headers: auth,
      payload: { bio: 'b'.repeat(900_000) },
    });
    isProblem(body);
    expect(body.statusCode).toBe(400);
  });

  it('R-SEC-4: malformed and empty bodies on /oauth/token answer RFC 6749 invalid_request', async () => {
    for (const [type, payload] of [
      ['application/json', ''],
      ['application/json', '{"grant_type":'],
      ['application/json', '{"client_id":"\\u0000"}'],
      ['text/plain', 'grant_type=client_credentials'],
    ] as const) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/oauth/token',
        headers: { 'content-type': type },
        payload,
      });
      expect(res.statusCode, `${type} ${payload}`).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid_request', status: 400 });
      expect(res.body).not.toContain('FST_ERR');
    }
  });
});

describe("finding: 43 answers 500 to bad input — the serialiser's failures (R-SEC-4)", () => {
  it('R-SEC-4: a response that fails its schema is a 500 problem+json with the request id and no Fastify internals', async () => {
    const fresh = await freshDatabase();
    const app = await buildApp({ config: testConfig(), database: fresh.database });
    // Two ways a handler's answer can fail its response schema: a required field missing, a value of the wrong type.
    const Answer = Type.Object({ name: Type.String(), count: Type.Integer() });
    app.get('/api/v1/probe/missing', { schema: { response: { 200: Answer } } }, async () => ({ count: 1 }));
    app.get('/api/v1/probe/wrong-type', { schema: { response: { 200: Answer } } }, async () => ({
      name: 'x',
      count: 'many',
    }));
    await app.ready();
    try {
      for (const url of ['/api/v1/probe/missing', '/api/v1/probe/wrong-type']) {
        const res = await app.inject({ url });
        expect(res.statusCode, url).toBe(500);
        expect(res.headers['content-type']).toContain('application/problem+json');
        const body = res.json();
        expect(body).toMatchObject({ status: 500, requestId: res.headers['x-request-id'] });
        expect(res.body).not.toMatch(/FST_ERR|fast-json-stringify|stack|"count"|many|required|converted/i);
      }
    } finally {
      await app.close();
      await fresh.drop();
    }
  }, 60_000);
});

describe('finding: router errors are not problem+json (R-SEC-4)', () => {
  it('R-SEC-4: a path parameter over 100 characters is a 414 problem', async () => {
    const res = await ctx.app.inject({ url: `/api/v1/directory/${'x'.repeat(150)}`, headers: auth });
    expect(res.statusCode).toBe(414);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('R-SEC-4: a malformed percent-encoding in the path is a 400 problem', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/directory/%ff', headers: auth });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('finding: unbounded attacker text stored (R-SEC-13)', () => {
  it('R-SEC-13: the refused-token audit row keeps a bounded client_id', async () => {
    const clientId = 'c'.repeat(5000);
    const basic = Buffer.from(`${clientId}:secret`).toString('base64');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      payload: 'grant_type=client_credentials',
    });
    expect(res.statusCode).toBe(401);
    const rows = await ctx.app.db.select().from(auditLog).where(eq(auditLog.action, 'oauth.token_refused'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(JSON.stringify(row).length).toBeLessThan(1000);
  });
});

describe('finding from the fuzz benchmark: a value the database refuses (R-SEC-4)', () => {
  it('R-SEC-4: a training event with an OPDIV that does not exist is a 422 problem, not a 500', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/training/events',
      headers: auth,
      payload: {
        kind: 'orientation_online',
        title: 'Orientation',
        opdiv: 'NOT-AN-OPDIV',
        lmsUrl: 'https://lms.hhs.gov/c/1',
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
