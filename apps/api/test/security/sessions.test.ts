import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigner } from 'fast-jwt';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { loadConfig, secretEntropyBits } from '../../src/config.js';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';

let ctx: TestContext;
const SECRET = 'a-test-secret-that-is-at-least-32-characters-long';
beforeAll(async () => {
  ctx = await makeTestApp({
    JWT_SECRET: SECRET,
    JWT_KEY_ID: 'k2',
    JWT_PREVIOUS_KEYS: 'k1=the-previous-secret-also-32-characters-long',
  });
});
afterAll(() => ctx?.close());
const me = (token: string) =>
  ctx.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

describe('finding: sign-out does not end the token (R-SEC-6)', () => {
  it('R-SEC-6: after POST /auth/logout the same bearer token gets 401; other sessions of the person go on', async () => {
    const person = await makeUser(ctx.app);
    const other = ctx.app.signUserToken(person.user.id);
    expect((await me(person.token)).statusCode).toBe(200);
    const out = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: person.auth });
    expect(out.statusCode).toBe(204);
    expect((await me(person.token)).statusCode).toBe(401);
    expect((await me(other)).statusCode).toBe(200);
  });

  it('R-SEC-6: signing out with the cookie ends that session too', async () => {
    const person = await makeUser(ctx.app);
    const out = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { hhs_session: person.token },
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(out.statusCode).toBe(204);
    expect((await me(person.token)).statusCode).toBe(401);
  });
});

describe('finding: tokens without exp accepted (R-SEC-6)', () => {
  const sign = (payload: object, options: Record<string, unknown>) =>
    createSigner({ key: SECRET, kid: 'k2', ...options })(payload);

  it('R-SEC-6: a token signed with the real secret but without exp is refused', async () => {
    const person = await makeUser(ctx.app);
    const token = sign({ sub: person.user.id, typ: 'user', sv: 0, sid: crypto.randomUUID() }, {});
    expect((await me(token)).statusCode).toBe(401);
  });

  it('R-SEC-6: a token without iat is refused', async () => {
    const person = await makeUser(ctx.app);
    const token = sign(
      { sub: person.user.id, typ: 'user', sv: 0, sid: crypto.randomUUID() },
      { noTimestamp: true, expiresIn: 60_000 },
    );
    expect((await me(token)).statusCode).toBe(401);
  });

  it('R-SEC-6: a user token without a session id is refused', async () => {
    const person = await makeUser(ctx.app);
    expect(
      (await me(ctx.app.jwt.sign({ sub: person.user.id, typ: 'user', sv: 0 } as never))).statusCode,
    ).toBe(401);
  });

  it('R-SEC-6: rotation: a token of a previous key id still works, an unknown key id does not', async () => {
    const person = await makeUser(ctx.app);
    const payload = { sub: person.user.id, typ: 'user', sv: 0, sid: crypto.randomUUID() };
    const previous = createSigner({
      key: 'the-previous-secret-also-32-characters-long',
      kid: 'k1',
      expiresIn: 60_000,
    })(payload);
    expect((await me(previous)).statusCode).toBe(200);
    const unknown = createSigner({ key: SECRET, kid: 'k9', expiresIn: 60_000 })(payload);
    expect((await me(unknown)).statusCode).toBe(401);
    const noKid = createSigner({ key: SECRET, expiresIn: 60_000 })(payload);
    expect((await me(noKid)).statusCode).toBe(401);
    expect(ctx.app.jwt.decode<{ header: { kid: string } }>(person.token)!.header.kid).toBe('k2');
  });
});

describe('finding: weak secrets accepted (R-SEC-6)', () => {
  const production = { NODE_ENV: 'production', DATA_DIR: 'memory://' };
  it('R-SEC-6: JWT_SECRET of 36 × "a" is refused in production, naming the variable', () => {
    expect(() => loadConfig({ ...production, JWT_SECRET: 'a'.repeat(36) })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ ...production, JWT_SECRET: 'abcd'.repeat(10) })).toThrow(/JWT_SECRET/);
  });

  it('R-SEC-6: a random secret is accepted; a weak previous key is refused too', () => {
    const strong = 'q3Jx9vT0bL2mZr8WkP4sYd7Hn1Ce6Ug5Af0Ri2Lo9Xt=';
    expect(secretEntropyBits(strong)).toBeGreaterThan(128);
    expect(loadConfig({ ...production, JWT_SECRET: strong }).JWT_SECRET).toBe(strong);
    expect(() =>
      loadConfig({ ...production, JWT_SECRET: strong, JWT_PREVIOUS_KEYS: `old=${'b'.repeat(40)}` }),
    ).toThrow(/JWT_PREVIOUS_KEYS/);
  });

  it('R-SEC-6: every `openssl rand -hex 32` and `-base64 48` secret is accepted (a hex one often lacks a digit)', () => {
    for (let i = 0; i < 500; i++) {
      for (const secret of [randomBytes(32).toString('hex'), randomBytes(48).toString('base64')])
        expect(loadConfig({ ...production, JWT_SECRET: secret }).JWT_SECRET).toBe(secret);
    }
  });
});

describe('finding: /api/docs public in production (R-SEC-11)', () => {
  it('R-SEC-11: /api/docs is off in production unless API_DOCS=on; /api/openapi.json stays; Permissions-Policy is set', async () => {
    const strong = 'q3Jx9vT0bL2mZr8WkP4sYd7Hn1Ce6Ug5Af0Ri2Lo9Xt=';
    for (const [docs, expected] of [
      [undefined, 404],
      ['on', 200],
    ] as const) {
      const app = await buildApp({
        config: {
          ...testConfig({ JWT_SECRET: strong, ...(docs ? { API_DOCS: docs } : {}) }),
          NODE_ENV: 'production',
        },
        database: ctx.database,
      });
      await app.ready();
      const page = await app.inject({ url: '/api/docs/' });
      expect(page.statusCode).toBe(expected);
      const openapi = await app.inject({ url: '/api/openapi.json' });
      expect(openapi.statusCode).toBe(200);
      expect(openapi.headers['permissions-policy']).toMatch(/camera=\(\)/);
      await app.close();
    }
  });
});
