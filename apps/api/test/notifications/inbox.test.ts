import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { emailOutbox, notifications } from '../../src/db/schema/index.js';
import { notify } from '../../src/services/platform/notifications.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

async function send(to: string, title: string, extra: { dedupeKey?: string } = {}) {
  await ctx.app.db.transaction((tx) =>
    notify(
      tx,
      { to, kind: 'test.event', title, body: `${title} happened.`, link: '/inbox', ...extra },
      ctx.app.config.APP_URL,
    ),
  );
}

describe('R-NOTE-1: the in-app inbox', () => {
  it('R-NOTE-1: notify puts one inbox row and one outbox email in, and a repeated dedupe key adds neither', async () => {
    const person = await makeUser(ctx.app);
    await send(person.employee.id, 'Milestone overdue', { dedupeKey: 'm-1' });
    await send(person.employee.id, 'Milestone overdue', { dedupeKey: 'm-1' });
    const [inbox] = await ctx.app.db
      .select({ n: count() })
      .from(notifications)
      .where(eq(notifications.recipientId, person.employee.id));
    const mails = await ctx.app.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, person.employee.email));
    expect(inbox?.n).toBe(1);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      status: 'pending',
      subject: 'HHS Mentoring Program: Milestone overdue',
    });
    expect(mails[0]!.textBody).toContain(`${ctx.app.config.APP_URL}/inbox`);
  });

  it('R-NOTE-1: lists my notifications newest first, paginated, with an unread filter and count', async () => {
    const me = await makeUser(ctx.app);
    const other = await makeUser(ctx.app);
    for (const title of ['First', 'Second', 'Third']) await send(me.employee.id, title);
    // Embedded PGlite's clock has milliseconds only, so quick sends can share a time (then the id decides, which
    // is stable but not the sending order): the three are set a minute apart, in the order they were sent.
    for (const [minutesAgo, title] of [
      [3, 'First'],
      [2, 'Second'],
      [1, 'Third'],
    ] as const)
      await ctx.app.db
        .update(notifications)
        .set({ createdAt: new Date(Date.now() - minutesAgo * 60_000) })
        .where(and(eq(notifications.recipientId, me.employee.id), eq(notifications.title, title)));
    await send(other.employee.id, 'Not yours');

    const page = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications?limit=2',
      headers: me.auth,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ total: 3, limit: 2, next: expect.stringContaining('cursor=') });
    expect(page.json().items.map((n: { title: string }) => n.title)).toEqual(['Third', 'Second']);
    const next = await ctx.app.inject({ method: 'GET', url: page.json().next, headers: me.auth });
    expect(next.json().items.map((n: { title: string }) => n.title)).toEqual(['First']);
    expect(next.json().next).toBeNull();

    const first = page.json().items[0];
    const read = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/me/notifications/${first.id}/read`,
      headers: me.auth,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toEqual(expect.any(String));

    const unread = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications?unread=true',
      headers: me.auth,
    });
    expect(unread.json().items.map((n: { title: string }) => n.title)).toEqual(['Second', 'First']);
    const countRes = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications/unread-count',
      headers: me.auth,
    });
    expect(countRes.json()).toEqual({ unread: 2 });
  });

  it("R-NOTE-1/R-SEC-3: marking someone else's notification read is 404 and changes nothing", async () => {
    const me = await makeUser(ctx.app);
    const other = await makeUser(ctx.app);
    await send(other.employee.id, 'Private to the other person');
    const [theirs] = await ctx.app.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, other.employee.id));

    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/me/notifications/${theirs!.id}/read`,
      headers: me.auth,
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const [after] = await ctx.app.db.select().from(notifications).where(eq(notifications.id, theirs!.id));
    expect(after!.readAt).toBeNull();

    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/me/notifications/not-a-uuid/read',
      headers: me.auth,
    });
    expect(bad.statusCode).toBe(400);
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/v1/me/notifications' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('R-NOTE-1: read-all marks only my unread notifications', async () => {
    const me = await makeUser(ctx.app);
    const other = await makeUser(ctx.app);
    await send(me.employee.id, 'One');
    await send(me.employee.id, 'Two');
    await send(other.employee.id, 'Theirs');

    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/me/notifications/read-all',
      headers: me.auth,
    });
    expect(res.json()).toEqual({ marked: 2 });
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/me/notifications/read-all',
      headers: me.auth,
    });
    expect(again.json()).toEqual({ marked: 0 });
    const theirs = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications/unread-count',
      headers: other.auth,
    });
    expect(theirs.json()).toEqual({ unread: 1 });
  });
});
