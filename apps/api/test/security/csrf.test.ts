import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, isNull } from 'drizzle-orm';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { notifications } from '../../src/db/schema/index.js';

let ctx: TestContext;
let person: Awaited<ReturnType<typeof makeUser>>;
const APP_ORIGIN = 'http://localhost:3000';
beforeAll(async () => {
  ctx = await makeTestApp({ APP_URL: APP_ORIGIN });
  person = await makeUser(ctx.app);
});
afterAll(() => ctx?.close());

// A state-changing call any signed-in person may make; 204 when allowed.
const markAllRead = (headers: Record<string, string>, cookie = true) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/me/notifications/read-all',
    headers,
    ...(cookie ? { cookies: { hhs_session: person.token } } : {}),
  });

describe('finding: CSRF (R-SEC-5)', () => {
  it('R-SEC-5: refuses a cookie-authenticated POST from a foreign Origin, and changes nothing', async () => {
    await ctx.app.db
      .insert(notifications)
      .values({ recipientId: person.employee.id, kind: 'test', title: 'Hello', body: 'Unread' });
    const unread = async () =>
      (
        await ctx.app.db
          .select({ n: count() })
          .from(notifications)
          .where(and(eq(notifications.recipientId, person.employee.id), isNull(notifications.readAt)))
      )[0]!.n;
    const res = await markAllRead({ origin: 'https://evil.example', 'content-type': 'text/plain' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().rule).toBe('R-SEC-5');
    expect(await unread()).toBe(1);
  });

  it('R-SEC-5: refuses a cookie-authenticated POST with no Origin and no Sec-Fetch-Site', async () => {
    expect((await markAllRead({})).statusCode).toBe(403);
  });

  it('R-SEC-5: refuses another site of the same registrable domain (Sec-Fetch-Site: same-site)', async () => {
    expect(
      (await markAllRead({ 'sec-fetch-site': 'same-site', origin: 'https://other.hhs.gov' })).statusCode,
    ).toBe(403);
    expect((await markAllRead({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
  });

  it("R-SEC-5: accepts the app's own origin, by Sec-Fetch-Site or by Origin", async () => {
    expect((await markAllRead({ 'sec-fetch-site': 'same-origin' })).statusCode).toBeLessThan(300);
    expect((await markAllRead({ origin: APP_ORIGIN })).statusCode).toBeLessThan(300);
  });

  it('R-SEC-5: bearer-token calls are unaffected (no Origin needed)', async () => {
    expect((await markAllRead(person.auth, false)).statusCode).toBeLessThan(300);
    expect((await markAllRead({ ...person.auth, origin: 'https://evil.example' })).statusCode).toBeLessThan(
      300,
    );
  });

  it('R-SEC-5: a cross-site text/plain body is not parsed: JSON routes accept only application/json', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: '{"email":"a@hhs.gov","password":"x"}',
    });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('R-SEC-5: reads (GET) with the cookie need no Origin', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/me', cookies: { hhs_session: person.token } });
    expect(res.statusCode).toBe(200);
  });
});
