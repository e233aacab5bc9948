import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { auditLog, emailOutbox, users } from '../../src/db/schema/index.js';
import {
  hashPassword,
  passwordSignIn,
  SIGN_IN_THROTTLE,
  signInDelayMs,
} from '../../src/services/accounts/accounts.js';
import { trustProxy } from '../../src/config.js';
import { Problem } from '../../src/lib/problem.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(() => ctx?.close());

const PASSWORD = 'four gentle owls over the meadow';
async function person() {
  const made = await makeUser(ctx.app);
  await ctx.app.db
    .update(users)
    .set({ passwordHash: await hashPassword(PASSWORD) })
    .where(eq(users.id, made.user.id));
  return made;
}
const login = (email: string, password: string, from = '203.0.113.7', headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: from,
    headers,
  });

describe('finding: anyone can lock anyone out (R-SEC-7)', () => {
  it('R-SEC-7: failures from a stranger cool down only the stranger; the owner still signs in from elsewhere', async () => {
    const { employee } = await person();
    for (let i = 0; i < SIGN_IN_THROTTLE.perAddress; i++)
      expect((await login(employee.email, 'wrong guess', '198.51.100.9')).statusCode).toBe(401);
    const cooled = await login(employee.email, PASSWORD, '198.51.100.9');
    expect(cooled.statusCode).toBe(429);
    expect(Number(cooled.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(employee.email, PASSWORD, '203.0.113.50')).statusCode).toBe(200);
  });

  it('R-SEC-7: never answers 423, and an unknown email gets the same statuses and bodies as a known one', async () => {
    const { employee } = await person();
    const answers = async (email: string, from: string) => {
      const out: Array<[number, unknown]> = [];
      for (let i = 0; i <= SIGN_IN_THROTTLE.perAddress; i++) {
        const res = await login(email, 'wrong guess', from);
        const { instance: _i, requestId: _r, ...body } = res.json();
        out.push([res.statusCode, body]);
      }
      return out;
    };
    const known = await answers(employee.email, '192.0.2.1');
    const unknown = await answers('nobody-here@test.hhs.gov', '192.0.2.2');
    expect(known).toEqual(unknown);
    expect(known.map(([s]) => s)).not.toContain(423);
  });

  it('R-SEC-7: failures for one email slow its sign-ins down, doubling up to a cap', () => {
    expect(signInDelayMs(0)).toBe(0);
    expect(signInDelayMs(SIGN_IN_THROTTLE.delayAfter)).toBe(SIGN_IN_THROTTLE.firstDelayMs);
    expect(signInDelayMs(SIGN_IN_THROTTLE.delayAfter + 1)).toBe(2 * SIGN_IN_THROTTLE.firstDelayMs);
    expect(signInDelayMs(1000)).toBe(SIGN_IN_THROTTLE.maxDelayMs);
  });

  it('R-SEC-7: after repeated failures the account holder is told by email, once per window', async () => {
    const { employee } = await person();
    const waits: number[] = [];
    const ctxAudit = { actorId: null, actorLabel: 'anonymous', ip: null, requestId: null };
    for (let i = 0; i < SIGN_IN_THROTTLE.notifyAt + 2; i++) {
      const attempt = passwordSignIn(ctx.app.db, employee.email, 'wrong guess', ctxAudit, {
        ip: `198.18.0.${i}`,
        appUrl: 'http://localhost:3000',
        sleep: async (ms) => waits.push(ms),
      });
      await expect(attempt).rejects.toBeInstanceOf(Problem);
    }
    const mails = await ctx.app.db
      .select()
      .from(emailOutbox)
      .where(
        and(eq(emailOutbox.toAddress, employee.email), like(emailOutbox.subject, '%trying to sign in%')),
      );
    expect(mails).toHaveLength(1);
    expect(Math.max(...waits)).toBeGreaterThan(0);
  });
});

describe('finding: per-address rate limits bypassed (R-SEC-9)', () => {
  it('R-SEC-9: with TRUST_PROXY off, a client-chosen X-Forwarded-For does not change the address counted', async () => {
    const { employee } = await person();
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_THROTTLE.perAddress + 2; i++)
      statuses.push(
        (await login(employee.email, 'wrong guess', '192.0.2.77', { 'x-forwarded-for': `10.0.0.${i}` }))
          .statusCode,
      );
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });

  it('R-SEC-9: TRUST_PROXY takes a hop count or CIDRs, and refuses anything else', () => {
    expect(trustProxy('off')).toBe(false);
    const hops = trustProxy('1') as (a: string, i: number) => boolean;
    expect([hops('10.0.0.1', 0), hops('10.0.0.1', 1)]).toEqual([true, false]);
    expect(trustProxy('10.0.0.0/8, 192.168.1.4')).toEqual(['10.0.0.0/8', '192.168.1.4']);
    expect(() => trustProxy('10.0.0.0/99')).toThrow(/TRUST_PROXY/);
  });

  it('R-SEC-9: behind a trusted proxy, the client address comes from X-Forwarded-For', async () => {
    const proxied = await makeTestApp({ TRUST_PROXY: '10.0.0.0/8' });
    const res = await proxied.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@test.hhs.gov', password: 'x' },
      remoteAddress: '10.1.2.3',
      headers: { 'x-forwarded-for': '203.0.113.99' },
    });
    expect(res.statusCode).toBe(401);
    const rows = await proxied.app.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
    expect(rows.map((r) => r.ip)).toContain('203.0.113.99');
    await proxied.close();
  });
});
