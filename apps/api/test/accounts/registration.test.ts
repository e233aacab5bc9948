import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { accountTokens, auditLog, emailOutbox, users } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeEmployee } from '../helpers/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

const PASSWORD = 'correct horse battery staple';
const post = async (url: string, payload: object) => {
  const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/auth/${url}`, payload });
  await ctx.app.settled(); // register and reset requests finish after answering (R-SEC-8)
  return res;
};
const outboxCount = async () => (await ctx.app.db.select({ n: count() }).from(emailOutbox))[0]!.n;
const lastEmailTo = async (to: string) =>
  (
    await ctx.app.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, to))
      .orderBy(desc(emailOutbox.id))
      .limit(1)
  )[0];
const tokenIn = (text: string) => /token=([\w-]+)/.exec(text)?.[1] as string;

describe('R-ACC-1 local registration', () => {
  it('R-ACC-1: a directory email gets a one-time link; the account exists only once the link is used', async () => {
    const employee = await makeEmployee(ctx.app);
    const res = await post('register', { email: employee.email.toUpperCase(), password: PASSWORD });
    expect(res.statusCode).toBe(202);
    expect(await ctx.app.db.select().from(users).where(eq(users.employeeId, employee.id))).toHaveLength(0);
    const email = await lastEmailTo(employee.email);
    expect(email?.subject).toContain('Confirm your work email');
    const stored = await ctx.app.db
      .select()
      .from(accountTokens)
      .where(eq(accountTokens.employeeId, employee.id));
    expect(stored[0]!.tokenHash).not.toContain(tokenIn(email!.textBody)); // only the hash is stored

    const verified = await post('verify-email', { token: tokenIn(email!.textBody) });
    expect(verified.statusCode).toBe(200);
    expect(verified.cookies.some((c) => c.name === 'hhs_session')).toBe(true);
    const me = await ctx.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${verified.json().token}` },
    });
    expect(me.json().employee.id).toBe(employee.id);
    const login = await post('login', { email: employee.email, password: PASSWORD });
    expect(login.statusCode).toBe(200);

    const again = await post('verify-email', { token: tokenIn(email!.textBody) });
    expect(again.statusCode).toBe(400);
    expect(again.json().type).toMatch(/link-used$/);
  });

  it('R-ACC-1: an email outside the directory gets the same answer, and nothing is created or sent', async () => {
    const [accounts, mails] = [
      (await ctx.app.db.select({ n: count() }).from(users))[0]!.n,
      await outboxCount(),
    ];
    const res = await post('register', { email: 'someone@example.com', password: PASSWORD });
    expect(res.statusCode).toBe(202);
    const known = await post('register', { email: (await makeEmployee(ctx.app)).email, password: PASSWORD });
    expect(res.json()).toEqual(known.json());
    expect((await ctx.app.db.select({ n: count() }).from(users))[0]!.n).toBe(accounts);
    expect(await outboxCount()).toBe(mails + 1); // only the directory person's link
    const [refusal] = await ctx.app.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'auth.register_refused'), eq(auditLog.actorLabel, 'someone@example.com')),
      );
    expect(refusal).toBeDefined();
  });

  it('R-ACC-1: registering an email that already has an account tells its owner by email, not the caller', async () => {
    const employee = await makeEmployee(ctx.app);
    await post('register', { email: employee.email, password: PASSWORD });
    await post('verify-email', { token: tokenIn((await lastEmailTo(employee.email))!.textBody) });
    const res = await post('register', { email: employee.email, password: 'another long passphrase here' });
    expect(res.statusCode).toBe(202);
    expect((await lastEmailTo(employee.email))!.subject).toContain('already have an account');
    expect((await post('login', { email: employee.email, password: PASSWORD })).statusCode).toBe(200);
  });

  it('R-ACC-1: an expired link is refused and changes nothing', async () => {
    const employee = await makeEmployee(ctx.app);
    await post('register', { email: employee.email, password: PASSWORD });
    const token = tokenIn((await lastEmailTo(employee.email))!.textBody);
    await ctx.app.db
      .update(accountTokens)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(accountTokens.employeeId, employee.id));
    const res = await post('verify-email', { token });
    expect(res.statusCode).toBe(400);
    expect(res.json().type).toMatch(/link-expired$/);
    expect(await ctx.app.db.select().from(users).where(eq(users.employeeId, employee.id))).toHaveLength(0);
    const [row] = await ctx.app.db
      .select()
      .from(accountTokens)
      .where(eq(accountTokens.employeeId, employee.id));
    expect(row!.usedAt).toBeNull();
  });

  it('R-ACC-1: a wrong token is refused; only the newest link of a person works', async () => {
    const wrong = await post('verify-email', { token: 'x'.repeat(43) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().type).toMatch(/link-invalid$/);
    const employee = await makeEmployee(ctx.app);
    await post('register', { email: employee.email, password: PASSWORD });
    const older = tokenIn((await lastEmailTo(employee.email))!.textBody);
    await post('register', { email: employee.email, password: PASSWORD });
    expect((await post('verify-email', { token: older })).json().type).toMatch(/link-used$/);
    expect(await ctx.app.db.select().from(users).where(eq(users.employeeId, employee.id))).toHaveLength(0);
  });

  it('R-ACC-1: refuses short, common and email-based passwords with a field error, and accepts a long passphrase', async () => {
    const employee = await makeEmployee(ctx.app, { email: 'pat.example@test.hhs.gov' });
    const mails = await outboxCount();
    for (const password of [
      'short pass',
      'passwordpassword',
      'iloveyou12345678!',
      'pat.example-2026-spring',
      'aaaaaaaaaaaaaaaaaaaa',
    ]) {
      const res = await post('register', { email: employee.email, password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().errors[0].field).toBe('/body/password');
    }
    expect(await outboxCount()).toBe(mails);
    expect(
      (await post('register', { email: employee.email, password: 'maple river under seven clouds' }))
        .statusCode,
    ).toBe(202);
  });
});

describe('R-ACC-1 password reset', () => {
  async function account() {
    const employee = await makeEmployee(ctx.app);
    await post('register', { email: employee.email, password: PASSWORD });
    await post('verify-email', { token: tokenIn((await lastEmailTo(employee.email))!.textBody) });
    return employee;
  }

  it('R-ACC-1, R-SEC-7: a reset link sets a new password once, ends a sign-in cool-down, and is audited', async () => {
    const employee = await account();
    for (let i = 0; i < 5; i++)
      await post('login', { email: employee.email, password: 'wrong password attempt' });
    expect((await post('login', { email: employee.email, password: PASSWORD })).statusCode).toBe(429);
    expect((await post('password-reset/request', { email: employee.email })).statusCode).toBe(202);
    const token = tokenIn((await lastEmailTo(employee.email))!.textBody);
    const newPassword = 'seven quiet lanterns by the harbor';
    expect((await post('password-reset/confirm', { token, password: newPassword })).statusCode).toBe(200);
    expect((await post('login', { email: employee.email, password: newPassword })).statusCode).toBe(200);
    const reused = await post('password-reset/confirm', { token, password: 'yet another long passphrase' });
    expect(reused.json().type).toMatch(/link-used$/);
    expect((await post('login', { email: employee.email, password: newPassword })).statusCode).toBe(200);
    const actions = (await ctx.app.db.select().from(auditLog).where(eq(auditLog.actorId, employee.id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['auth.email_verified', 'auth.password_reset', 'auth.login']),
    );
  });

  it('R-ACC-1: a password reset ends every session signed in before it', async () => {
    const employee = await account();
    const before = (await post('login', { email: employee.email, password: PASSWORD })).json()
      .token as string;
    const me = (token: string) =>
      ctx.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me(before)).statusCode).toBe(200);
    await post('password-reset/request', { email: employee.email });
    const token = tokenIn((await lastEmailTo(employee.email))!.textBody);
    const newPassword = 'eleven copper kettles on the stove';
    expect((await post('password-reset/confirm', { token, password: newPassword })).statusCode).toBe(200);
    expect((await me(before)).statusCode).toBe(401);
    const after = (await post('login', { email: employee.email, password: newPassword })).json()
      .token as string;
    expect((await me(after)).statusCode).toBe(200);
  });

  it('R-ACC-1: an expired reset link or a refused password changes nothing', async () => {
    const employee = await account();
    await post('password-reset/request', { email: employee.email });
    const token = tokenIn((await lastEmailTo(employee.email))!.textBody);
    const weak = await post('password-reset/confirm', { token, password: '123456789987654321' });
    expect(weak.statusCode).toBe(400);
    await ctx.app.db
      .update(accountTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(accountTokens.employeeId, employee.id));
    const expired = await post('password-reset/confirm', {
      token,
      password: 'a perfectly fine new passphrase',
    });
    expect(expired.json().type).toMatch(/link-expired$/);
    expect((await post('login', { email: employee.email, password: PASSWORD })).statusCode).toBe(200);
  });

  it('R-ACC-1: asking for a reset of an unknown email answers the same and sends nothing', async () => {
    const mails = await outboxCount();
    const res = await post('password-reset/request', { email: 'nobody@test.hhs.gov' });
    expect(res.statusCode).toBe(202);
    expect(await outboxCount()).toBe(mails);
  });
});
