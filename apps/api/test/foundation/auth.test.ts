import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { auditLog, users } from '../../src/db/schema/index.js';
import { hashPassword } from '../../src/services/accounts/accounts.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

async function userWithPassword(password: string) {
  const made = await makeUser(ctx.app);
  await ctx.app.db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, made.user.id));
  return made;
}
const login = (email: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

describe('sign-in', () => {
  it('R-ACC-1: signing out everywhere ends every session of the person (cookie and bearer), and is audited', async () => {
    const { employee, user } = await userWithPassword('four gentle owls over the meadow');
    const other = await userWithPassword('another long passphrase for them');
    const [a, b, c] = await Promise.all(
      [employee.email, employee.email, other.employee.email].map(
        async (email, i) =>
          (
            await login(
              email,
              i < 2 ? 'four gentle owls over the meadow' : 'another long passphrase for them',
            )
          ).json().token as string,
      ),
    );
    const me = (token: string) =>
      ctx.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    const out = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout-everywhere',
      cookies: { hhs_session: a! },
      headers: { origin: 'http://localhost:3000' },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/hhs_session=;/);
    expect((await me(a!)).statusCode).toBe(401);
    expect((await me(b!)).statusCode).toBe(401);
    expect((await me(c!)).statusCode).toBe(200);
    const again = (await login(employee.email, 'four gentle owls over the meadow')).json().token as string;
    expect((await me(again)).statusCode).toBe(200);
    const audited = await ctx.app.db.select().from(auditLog).where(eq(auditLog.objectId, user.id));
    expect(audited.map((x) => x.action)).toContain('auth.logout_everywhere');
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout-everywhere' })).statusCode).toBe(
      401,
    );
  });

  it('signs in with the right password: sets an httpOnly SameSite cookie and returns a bearer token', async () => {
    const { employee } = await userWithPassword('correct horse battery staple');
    const res = await login(employee.email.toUpperCase(), 'correct horse battery staple');
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain('hhs_session=');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const me = await ctx.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${res.json().token}` },
    });
    expect(me.json().employee.id).toBe(employee.id);
    const viaCookie = await ctx.app.inject({ url: '/api/v1/me', cookies: { hhs_session: res.json().token } });
    expect(viaCookie.statusCode).toBe(200);
  });

  it('refuses a wrong password with a problem, and audits the failure', async () => {
    const { employee, user } = await userWithPassword('a long enough passphrase');
    const res = await login(employee.email, 'not the passphrase');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.cookies).toHaveLength(0);
    const rows = await ctx.app.db.select().from(auditLog).where(eq(auditLog.objectId, user.id));
    expect(rows.map((r) => r.action)).toContain('auth.login_failed');
  });

  it('answers 401 problem+json without a session and after logout clears the cookie', async () => {
    const res = await ctx.app.inject('/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().type).toMatch(/unauthorized$/);
    const out = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/hhs_session=;/);
  });

  it('refuses unknown body fields and names them', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.gov', password: 'x', admin: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({
      field: '/body/admin',
      message: 'This is not part of the form.',
    });
  });

  it('R-ROLE-1: one person holds several roles: a coordinator who is also a supervisor', async () => {
    const coordinator = await makeUser(ctx.app, {
      grants: [
        { role: 'coordinator', opdiv: 'CDC' },
        { role: 'coordinator', opdiv: 'FDA' },
      ],
    });
    await makeUser(ctx.app, { employee: { supervisorId: coordinator.employee.id } });
    const me = (await ctx.app.inject({ url: '/api/v1/me', headers: coordinator.auth })).json();
    expect(me.roles).toEqual(['participant', 'supervisor', 'coordinator']);
    expect(me.coordinatorOpdivs.sort()).toEqual(['CDC', 'FDA']);
  });
});
