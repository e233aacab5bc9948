import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, messages, notifications, relationships } from '../../src/db/schema/index.js';
import { pairYearCounts } from '../../src/services/pair-year/staff-counts.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { mentee, mentor, pairUp } from '../helpers/people.js';
import { clientFor } from '../helpers/client.js';

const DAY = 86_400_000;

describe('messages, waitlist, nudges, early completion', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await makeTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });
  const inbox = async (who: string, kind: string) =>
    await ctx.app.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, who), eq(notifications.kind, kind)));

  it('R-MSG-1/R-MSG-3: partners write to each other; unread counts, read receipts, one email per unread burst without the text', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const id = await pairUp(ctx.app, me, them);
    expect(
      (
        await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/messages', {
          params: { path: { id } },
          body: {
            body: 'Can we talk about <b>budgets</b>? https://hhs.gov',
          },
        })
      ).response.status,
    ).toBe(201);
    await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/messages', {
      params: { path: { id } },
      body: { body: 'Second thought' },
    });
    expect((await clientFor(ctx.app, them).GET('/api/v1/me/messages/unread')).data!).toMatchObject({
      total: 2,
      items: [{ kind: 'relationship', id, unread: 2 }],
      next: null,
    });
    const emails = (
      await ctx.app.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, them.employee.email))
    ).filter((e) => e.subject.includes('New message'));
    expect(emails).toHaveLength(1);
    expect(emails[0]!.textBody).not.toContain('budgets');
    const thread = (
      await clientFor(ctx.app, them).GET('/api/v1/relationships/{id}/messages', { params: { path: { id } } })
    ).data!;
    // Newest first (R-API-4: `next` would lead to earlier messages).
    expect(thread.items.map((m: { body: string }) => m.body)).toEqual([
      'Second thought',
      'Can we talk about <b>budgets</b>? https://hhs.gov',
    ]);
    expect((await clientFor(ctx.app, them).GET('/api/v1/me/messages/unread')).data!.total).toBe(0);
    expect(
      (await clientFor(ctx.app, me).GET('/api/v1/relationships/{id}/messages', { params: { path: { id } } }))
        .data!.partnerReadUpTo,
    ).toBe(thread.items[0]!.id);
  });

  it('R-MSG-1: nobody else reads a thread, coordinators included; an invitation thread starts with its message', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const coordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    const other = await makeUser(ctx.app);
    const inv = (
      await clientFor(ctx.app, me).POST('/api/v1/invitations', {
        body: { mentorId: them.employee.id, message: 'Would you mentor me?' },
      })
    ).data!;
    expect(
      (
        await clientFor(ctx.app, them).POST('/api/v1/invitations/{id}/messages', {
          params: { path: { id: inv.id } },
          body: { body: 'What are your goals?' },
        })
      ).response.status,
    ).toBe(201);
    const thread = (
      await clientFor(ctx.app, me).GET('/api/v1/invitations/{id}/messages', {
        params: { path: { id: inv.id } },
      })
    ).data!;
    expect(thread.items.map((m: { body: string }) => m.body)).toEqual([
      'What are your goals?',
      'Would you mentor me?',
    ]);
    expect(
      (
        await clientFor(ctx.app, coordinator).GET('/api/v1/invitations/{id}/messages', {
          params: { path: { id: inv.id } },
        })
      ).response.status,
    ).toBe(404);
    expect(
      (
        await clientFor(ctx.app, other).GET('/api/v1/invitations/{id}/messages', {
          params: { path: { id: inv.id } },
        })
      ).response.status,
    ).toBe(404);
  });

  it('R-MSG-1: a coordinator cannot read or write a relationship’s thread, even for a pair in their scope', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const id = await pairUp(ctx.app, me, them);
    const coordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/messages', {
      params: { path: { id } },
      body: { body: 'Only for my mentor' },
    });
    expect(
      (await clientFor(ctx.app, coordinator).GET('/api/v1/relationships/{id}', { params: { path: { id } } }))
        .response.status,
    ).toBe(200);
    const read = await clientFor(ctx.app, coordinator).GET('/api/v1/relationships/{id}/messages', {
      params: { path: { id } },
    });
    expect(read.response.status).toBe(404);
    expect(JSON.stringify(read.error)).not.toContain('Only for my mentor');
    expect(
      (
        await clientFor(ctx.app, coordinator).POST('/api/v1/relationships/{id}/messages', {
          params: { path: { id } },
          body: { body: 'Hello from the coordinator' },
        })
      ).response.status,
    ).toBe(404);
  });

  it('R-MSG-1/R-API-4: a long thread is paged newest first to its opening message; nothing is cut off', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const inv = (
      await clientFor(ctx.app, me).POST('/api/v1/invitations', {
        body: { mentorId: them.employee.id, message: 'Would you mentor me?' },
      })
    ).data!;
    // More than the 200 rows the thread used to stop at without saying so.
    await ctx.app.db.insert(messages).values(
      Array.from({ length: 250 }, (_, n) => ({
        invitationId: inv.id,
        authorId: n % 2 ? me.employee.id : them.employee.id,
        body: `Message ${n + 1}`,
      })),
    );
    const bodies: string[] = [];
    const ids: number[] = [];
    let url: string | null = `/api/v1/invitations/${inv.id}/messages?limit=100`;
    let pages = 0;
    while (url) {
      const res = await ctx.app.inject({ method: 'GET', url, headers: me.auth });
      expect(res.statusCode).toBe(200);
      const page = res.json() as { items: Array<{ id: number; body: string }>; next: string | null };
      expect(res.headers.link).toBe(page.next ? `<${page.next}>; rel="next"` : undefined);
      bodies.push(...page.items.map((m) => m.body));
      ids.push(...page.items.map((m) => m.id));
      url = page.next;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(bodies).toHaveLength(251);
    expect(bodies[0]).toBe('Message 250');
    expect(bodies.at(-1)).toBe('Would you mentor me?');
    expect(new Set(ids).size).toBe(251);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    // Reading the newest page marked the whole thread read.
    expect(
      (await clientFor(ctx.app, me).GET('/api/v1/me/messages/unread', { params: { query: {} } })).data!.items,
    ).toEqual([]);
  });

  it('R-MSG-2: empty and oversized messages are refused with a problem', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const id = await pairUp(ctx.app, me, them);
    const blank = await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/messages', {
      params: { path: { id } },
      body: { body: '   ' },
    });
    expect(blank.response.status).toBe(422);
    expect(blank.error).toMatchObject({ rule: 'R-MSG-2' });
    expect(
      (
        await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/messages', {
          params: { path: { id } },
          body: { body: 'x'.repeat(2001) },
        })
      ).response.status,
    ).toBe(400);
  });

  it('R-WAIT-1/R-WAIT-2/R-WAIT-3: mentees wait for a full mentor in order; the card counts them; an ending tells the first', async () => {
    const full = await mentor(ctx.app, { capacity: 1 });
    const first = await mentee(ctx.app);
    const id = await pairUp(ctx.app, first, full);
    const a = await mentee(ctx.app);
    const b = await mentee(ctx.app);
    expect(
      (
        await ctx.app.inject({
          method: 'PUT',
          url: `/api/v1/me/waitlists/${full.employee.id}`,
          headers: a.auth,
        })
      ).json(),
    ).toMatchObject({ position: 1 });
    expect(
      (
        await ctx.app.inject({
          method: 'PUT',
          url: `/api/v1/me/waitlists/${full.employee.id}`,
          headers: b.auth,
        })
      ).json(),
    ).toMatchObject({ position: 2 });
    expect(
      (
        await clientFor(ctx.app, a).GET('/api/v1/mentors/{employeeId}', {
          params: { path: { employeeId: full.employee.id } },
        })
      ).data!,
    ).toMatchObject({
      menteesWaiting: 2,
    });
    const open = await mentor(ctx.app);
    expect(
      (
        await ctx.app.inject({
          method: 'PUT',
          url: `/api/v1/me/waitlists/${open.employee.id}`,
          headers: a.auth,
        })
      ).json(),
    ).toMatchObject({ rule: 'R-WAIT-1' });

    const coordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    expect(
      (
        await clientFor(ctx.app, coordinator).POST('/api/v1/relationships/{id}/terminate', {
          params: { path: { id } },
          body: { reason: 'Mentor moved on' },
        })
      ).response.status,
    ).toBe(200);
    expect(await inbox(a.employee.id, 'waitlist.place_free')).toHaveLength(1);
    expect(await inbox(b.employee.id, 'waitlist.place_free')).toHaveLength(0);
    expect((await clientFor(ctx.app, b).GET('/api/v1/me/waitlists')).data!.items).toMatchObject([
      { position: 1, notifiedAt: null },
    ]);
  });

  it('R-END-1/R-END-2: completed early once both partners and the coordinator agree after the minimum period; counted apart; frees the place', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app, { capacity: 1 });
    const coordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    const id = await pairUp(ctx.app, me, them);
    expect(
      (
        await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/early-completion', {
          params: { path: { id } },
          body: { note: '' },
        })
      ).error,
    ).toMatchObject({ rule: 'R-END-1' });
    await ctx.app.db
      .update(relationships)
      .set({ confirmedAt: new Date(Date.now() - 120 * DAY) })
      .where(eq(relationships.id, id));
    const waiter = await mentee(ctx.app);
    await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/me/waitlists/${them.employee.id}`,
      headers: waiter.auth,
    });
    await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/early-completion', {
      params: { path: { id } },
      body: { note: 'Goals met' },
    });
    const halfway = (
      await clientFor(ctx.app, them).POST('/api/v1/relationships/{id}/early-completion', {
        params: { path: { id } },
        body: { note: '' },
      })
    ).data!;
    expect(halfway).toMatchObject({
      completedEarly: false,
      agreed: { mentor: expect.any(String), mentee: expect.any(String), coordinator: null },
    });
    expect(
      (
        await clientFor(ctx.app, coordinator).POST('/api/v1/relationships/{id}/early-completion', {
          params: { path: { id } },
          body: { note: 'Agreed' },
        })
      ).data!,
    ).toMatchObject({ completedEarly: true });
    expect(
      (await clientFor(ctx.app, me).GET('/api/v1/relationships/{id}', { params: { path: { id } } })).data!,
    ).toMatchObject({ state: 'completed' });
    expect(await inbox(waiter.employee.id, 'waitlist.place_free')).toHaveLength(1);
    const report = (
      await clientFor(ctx.app, coordinator).GET('/api/v1/reports/{report}', {
        params: { path: { report: 'outcomes' } },
      })
    ).data!;
    const all = report.rows.find((r) => r.opdiv === 'ALL');
    expect(all!.completedEarly).toBeGreaterThanOrEqual(1);
    expect((await pairYearCounts(ctx.app.db, ['CDC'])).completedEarly).toBeGreaterThanOrEqual(1);
  });
});
