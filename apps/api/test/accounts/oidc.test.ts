import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditLog, employees, users } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeEmployee, makeUser } from '../helpers/factories.js';
import { APP_URL, OIDC_CLIENT, signInAtIdp, startIdp } from '../helpers/oidc-provider.js';

let ctx: TestContext;
let idp: Awaited<ReturnType<typeof startIdp>>;
const dana = { sub: 'idp-dana-1', email: 'Dana.Linked@test.hhs.gov' };
const local = { sub: 'idp-local-2', email: 'local.person@test.hhs.gov' };
const stranger = { sub: 'idp-stranger-3', email: 'not.in.directory@example.gov' };
const unverified = { sub: 'idp-unverified-4', email: 'unverified@test.hhs.gov', emailVerified: false };

beforeAll(async () => {
  idp = await startIdp([dana, local, stranger, unverified]);
  ctx = await makeTestApp({
    APP_URL,
    OIDC_ISSUER_URL: idp.issuer,
    OIDC_CLIENT_ID: OIDC_CLIENT.id,
    OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
  });
});
afterAll(async () => {
  await ctx?.close();
  await idp?.close();
});

/** The whole browser round trip: our login → the provider's forms → our callback. Returns the callback's answer. */
async function ssoSignIn(sub: string, returnTo = '/dashboard') {
  const login = await ctx.app.inject(`/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(login.statusCode).toBe(302);
  expect(login.headers.location).toMatch(new RegExp(`^${idp.issuer}/auth\\?`));
  const authUrl = new URL(login.headers.location as string);
  expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
  const state = login.cookies.find((c) => c.name === 'hhs_oidc');
  expect(state?.httpOnly).toBe(true);
  const back = await signInAtIdp(authUrl.href, sub);
  return ctx.app.inject({ url: back.pathname + back.search, cookies: { hhs_oidc: state!.value } });
}

const sessionOf = (res: Awaited<ReturnType<typeof ssoSignIn>>) =>
  res.cookies.find((c) => c.name === 'hhs_session')?.value;
const userCount = async () => (await ctx.app.db.select({ n: count() }).from(users))[0]!.n;

describe('R-ACC-1 single sign-on against a real OIDC provider', () => {
  it('R-ACC-1: the providers endpoint offers single sign-on when it is configured', async () => {
    const res = await ctx.app.inject('/api/v1/auth/providers');
    expect(res.json().oidc).toMatchObject({
      loginUrl: '/api/v1/auth/oidc/login',
      logoutUrl: '/api/v1/auth/oidc/logout',
    });
  });

  it('R-ACC-1: the first sign-in links the directory entry by work email and signs in; the second reuses the account', async () => {
    const employee = await makeEmployee(ctx.app, { email: 'dana.linked@test.hhs.gov' });
    const first = await ssoSignIn(dana.sub);
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toBe(`${APP_URL}/dashboard`);
    const me = await ctx.app.inject({ url: '/api/v1/me', cookies: { hhs_session: sessionOf(first)! } });
    expect(me.statusCode).toBe(200);
    expect(me.json().employee.id).toBe(employee.id);
    const [linked] = await ctx.app.db.select().from(users).where(eq(users.employeeId, employee.id));
    expect(linked).toMatchObject({ oidcSubject: dana.sub });
    expect(linked!.emailVerifiedAt).not.toBeNull();

    const before = await userCount();
    const second = await ssoSignIn(dana.sub, '/');
    expect(second.headers.location).toBe(`${APP_URL}/`);
    const again = await ctx.app.inject({ url: '/api/v1/me', cookies: { hhs_session: sessionOf(second)! } });
    expect(again.json().userId).toBe(linked!.id);
    expect(await userCount()).toBe(before);
    const logins = await ctx.app.db.select().from(auditLog).where(eq(auditLog.objectId, linked!.id));
    expect(logins.filter((l) => l.action === 'auth.login')).toHaveLength(2);
    expect(logins.filter((l) => l.action === 'auth.oidc_linked')).toHaveLength(1);
  });

  it('R-ACC-1: links an existing local account instead of making a second one', async () => {
    const person = await makeUser(ctx.app, { employee: { email: local.email } });
    const res = await ssoSignIn(local.sub);
    const me = await ctx.app.inject({ url: '/api/v1/me', cookies: { hhs_session: sessionOf(res)! } });
    expect(me.json().userId).toBe(person.user.id);
    const [row] = await ctx.app.db.select().from(users).where(eq(users.id, person.user.id));
    expect(row!.oidcSubject).toBe(local.sub);
  });

  it('R-ACC-1: refuses someone who is not in the directory, creates nothing, and audits the refusal', async () => {
    const [people, accounts] = [
      (await ctx.app.db.select({ n: count() }).from(employees))[0]!.n,
      await userCount(),
    ];
    const res = await ssoSignIn(stranger.sub);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`${APP_URL}/not-in-directory`);
    expect(sessionOf(res)).toBeUndefined();
    expect((await ctx.app.db.select({ n: count() }).from(employees))[0]!.n).toBe(people);
    expect(await userCount()).toBe(accounts);
    const refusals = await ctx.app.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
    expect(refusals.some((r) => (r.detail as { subject?: string }).subject === stranger.sub)).toBe(true);
  });

  it('R-ACC-1: refuses an email the provider marks unverified, even when it is in the directory', async () => {
    await makeEmployee(ctx.app, { email: unverified.email });
    const accounts = await userCount();
    const res = await ssoSignIn(unverified.sub);
    expect(res.headers.location).toBe(`${APP_URL}/sign-in?error=sso-email-unverified`);
    expect(await userCount()).toBe(accounts);
  });

  it('R-ACC-1: a callback without the signed login cookie, or with a forged one, signs nobody in', async () => {
    const login = await ctx.app.inject('/api/v1/auth/oidc/login');
    const back = await signInAtIdp(login.headers.location as string, dana.sub);
    const missing = await ctx.app.inject(back.pathname + back.search);
    expect(missing.headers.location).toBe(`${APP_URL}/sign-in?error=sso-expired`);
    const cookie = login.cookies.find((c) => c.name === 'hhs_oidc')!.value;
    const forged = await ctx.app.inject({
      url: back.pathname + back.search,
      cookies: { hhs_oidc: cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) },
    });
    expect(forged.headers.location).toBe(`${APP_URL}/sign-in?error=sso-expired`);
    expect(sessionOf(missing) ?? sessionOf(forged)).toBeUndefined();
  });

  it('R-ACC-1: never redirects outside the web app after sign-in', async () => {
    const res = await ssoSignIn(dana.sub, '//evil.example/steal');
    expect(res.headers.location).toBe(`${APP_URL}/`);
  });

  it("R-ACC-1, R-SEC-6: logout ends the local session and sends the browser to the provider's end-session page", async () => {
    const person = await makeUser(ctx.app);
    const res = await ctx.app.inject({
      url: '/api/v1/auth/oidc/logout',
      cookies: { hhs_session: person.token },
    });
    expect(res.statusCode).toBe(302);
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: person.auth })).statusCode).toBe(401);
    const cleared = res.cookies.find((c) => c.name === 'hhs_session');
    expect(cleared?.value).toBe('');
    const endSession = new URL(res.headers.location as string);
    expect(endSession.origin).toBe(idp.issuer);
    expect(endSession.searchParams.get('client_id')).toBe(OIDC_CLIENT.id);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${APP_URL}/`);
    const page = await fetch(endSession);
    expect(page.status).toBe(200);
  });
});

describe('R-ACC-1 without single sign-on configured', () => {
  it('R-ACC-1: has no OIDC routes and says so to the web app', async () => {
    const plain = await makeTestApp();
    try {
      expect((await plain.app.inject('/api/v1/auth/providers')).json().oidc).toBeNull();
      expect((await plain.app.inject('/api/v1/auth/oidc/login')).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
