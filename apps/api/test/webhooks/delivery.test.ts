import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { queryRows } from '../../src/db/client.js';
import { trainingAttendance, webhookSubscriptions } from '../../src/db/schema/index.js';
import { deliverDueWebhooks, type WebhookDeliveryOptions } from '../../src/jobs/webhook-delivery.js';
import { webhookBackoff } from '../../src/jobs/webhook-result.js';
import { postWebhook } from '../../src/jobs/webhook-sender.js';
import { pruneWebhookDeliveries } from '../../src/services/integrations/webhooks/prune.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeEmployee, makeUser } from '../helpers/factories.js';
import { makeEvent } from '../training/helpers.js';
import { changeInvitations, deliveryStates, subscribe } from './helpers.js';
import { makeReceiver } from './receiver.js';
import { scrape, value } from '../observability/scrape.js';

let ctx: TestContext;
const receiver = makeReceiver();
beforeAll(async () => {
  ctx = await makeTestApp({ METRICS_PORT: 0 });
  await receiver.start();
});
beforeEach(() => {
  receiver.state.answer = () => 200;
  receiver.received.length = 0;
});
afterAll(async () => {
  await receiver.kill();
  await ctx?.close();
});

const options: WebhookDeliveryOptions = {
  policy: { allowPrivate: true },
  appUrl: 'http://localhost:3000',
  timeoutMs: 2_000,
  maxAttempts: 4,
  disableAfter: 50,
  backoffMs: 5,
  maxBackoffMs: 20,
};
const deliver = (o: Partial<WebhookDeliveryOptions> = {}) =>
  deliverDueWebhooks(ctx.app.db, { ...options, ...o });
/** Runs the worker until `done` holds (each run takes what is due; backoff is a few ms here). */
async function deliverUntil(done: () => Promise<boolean>, o: Partial<WebhookDeliveryOptions> = {}) {
  for (let i = 0; i < 200 && !(await done()); i++) {
    await deliver(o);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(await done()).toBe(true);
}
const get = async <T>(url: string, headers: Record<string, string>) => {
  const res = await ctx.app.inject({ method: 'GET', url, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};
type Delivery = { id: string; eventId: string; status: string; attempts: number };
type Detail = Delivery & {
  log: Array<{ attempt: number; outcome: string; statusCode: number | null; responseExcerpt: string | null }>;
};

/** Standard Webhooks, section "Verifying webhooks", written out with node:crypto only. */
function verifyByHand(secret: string, id: string, timestamp: string, body: string, header: string): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return header.split(' ').some((part) => {
    const [version, signature = ''] = part.split(',');
    const given = Buffer.from(signature, 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

describe('R-HOOK-2/R-HOOK-3: events leave through the outbox, signed', () => {
  it('R-HOOK-3: a delivery is signed per Standard Webhooks; an independent check and the reference library agree', async () => {
    const hook = await subscribe(ctx.app, receiver.url);
    receiver.received.length = 0;
    await changeInvitations(ctx.app.db, 1, 'signed');
    await deliverUntil(async () => receiver.received.length === 1);
    const r = receiver.received[0]!;
    expect(r.id).toMatch(/^evt_\d+$/);
    expect(Math.abs(Number(r.timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(JSON.parse(r.body)).toMatchObject({ type: 'invitation.updated', data: { id: 'signed-0' } });
    expect(verifyByHand(hook.secret, r.id, r.timestamp, r.body, r.signature)).toBe(true);
    expect(
      verifyByHand(hook.secret, r.id, r.timestamp, r.body.replace('signed-0', 'signed-1'), r.signature),
    ).toBe(false);
    const headers = {
      'webhook-id': r.id,
      'webhook-timestamp': r.timestamp,
      'webhook-signature': r.signature,
    };
    expect(new Webhook(hook.secret).verify(r.body, headers)).toMatchObject({ type: 'invitation.updated' });
    expect(() => new Webhook(hook.secret).verify(`${r.body} `, headers)).toThrow();
    await ctx.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, headers: hook.auth });
  });

  it('R-HOOK-2: the event is written in the transaction of the change: a rolled-back change sends nothing', async () => {
    const hook = await subscribe(ctx.app, receiver.url, ['training.completion.*']);
    const invitationsOnly = await subscribe(ctx.app, receiver.url, ['invitation.created']);
    const { event } = await makeEvent(ctx.app);
    const [kept, dropped] = [await makeEmployee(ctx.app), await makeEmployee(ctx.app)];
    const attend = (employeeId: string) => ({
      eventId: event.id,
      employeeId,
      attendedAt: new Date(),
      source: 'lms' as const,
    });
    await expect(
      ctx.app.db.transaction(async (tx) => {
        await tx.insert(trainingAttendance).values(attend(dropped.id));
        throw new Error('the change fails after its write');
      }),
    ).rejects.toThrow('the change fails');
    const [row] = await ctx.app.db.insert(trainingAttendance).values(attend(kept.id)).returning();
    const items = (
      await get<{ items: Array<Delivery & { entityId: string; eventType: string }> }>(
        `/api/v1/webhooks/${hook.id}/deliveries`,
        hook.auth,
      )
    ).items;
    expect(items.map((d) => [d.eventType, d.entityId])).toEqual([['training.completion.created', row!.id]]);
    expect(await deliveryStates(ctx.app.db, invitationsOnly.id)).toEqual([]);
    for (const h of [hook, invitationsOnly])
      await ctx.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${h.id}`, headers: h.auth });
  });
});

describe('R-HOOK-4: retries with exponential backoff and jitter', () => {
  it('R-HOOK-4: the delay doubles per failure up to its cap, and half of it is random', () => {
    expect([1, 2, 3, 4].map((n) => webhookBackoff(n, 1_000, 60_000, () => 0))).toEqual([
      500, 1_000, 2_000, 4_000,
    ]);
    expect([1, 2, 3, 4].map((n) => webhookBackoff(n, 1_000, 60_000, () => 0.999_999))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
    expect(webhookBackoff(30, 1_000, 60_000, () => 0.5)).toBe(45_000);
    const spread = new Set(Array.from({ length: 50 }, () => webhookBackoff(5, 1_000, 60_000, Math.random)));
    expect(spread.size).toBeGreaterThan(10);
    for (const d of spread) expect(d).toBeGreaterThanOrEqual(8_000);
  });

  it('R-HOOK-4/R-HOOK-3: a failing receiver is retried later, and the log keeps each attempt with a bounded excerpt', async () => {
    const hook = await subscribe(ctx.app, receiver.url);
    receiver.received.length = 0;
    let calls = 0;
    receiver.state.answer = () => (++calls <= 2 ? 500 : 200);
    await changeInvitations(ctx.app.db, 1, 'retry');
    const t0 = new Date();
    await deliver({ clock: () => t0, backoffMs: 60_000, maxBackoffMs: 3_600_000 });
    const [waiting] = await queryRows<{ next: Date; retry: Date }>(
      ctx.app.db,
      sql`select d.next_attempt_at as next, s.retry_after as retry from webhook_deliveries d
          join webhook_subscriptions s on s.id = d.subscription_id where s.id = ${hook.id}`,
    );
    for (const at of [waiting!.next, waiting!.retry]) {
      const wait = new Date(at).getTime() - t0.getTime();
      expect(wait).toBeGreaterThanOrEqual(30_000);
      expect(wait).toBeLessThanOrEqual(60_000);
    }
    expect((await deliver()).delivered).toBe(0); // not due yet
    await ctx.app.db.execute(
      sql`update webhook_deliveries set next_attempt_at = now() where subscription_id = ${hook.id}`,
    );
    await ctx.app.db.execute(sql`update webhook_subscriptions set retry_after = null where id = ${hook.id}`);
    await deliverUntil(async () => receiver.received.length === 3);
    receiver.state.answer = () => 200;
    const [delivery] = (await get<{ items: Delivery[] }>(`/api/v1/webhooks/${hook.id}/deliveries`, hook.auth))
      .items;
    const detail = await get<Detail>(`/api/v1/webhooks/${hook.id}/deliveries/${delivery!.id}`, hook.auth);
    expect(detail).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(detail.log.map((a) => [a.attempt, a.outcome, a.statusCode])).toEqual([
      [3, 'delivered', 200],
      [2, 'failed', 500],
      [1, 'failed', 500],
    ]);
    expect(detail.log[1]!.responseExcerpt).toHaveLength(256);
    expect(new Set(receiver.ids())).toEqual(new Set([delivery!.eventId]));
    const [endpoint] = await ctx.app.db
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, hook.id));
    expect(endpoint).toMatchObject({ consecutiveFailures: 0, retryAfter: null });
    await ctx.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, headers: hook.auth });
  });

  it('R-HOOK-4: after its allowance of attempts a delivery is marked failed', async () => {
    const hook = await subscribe(ctx.app, receiver.url);
    receiver.state.answer = () => 503;
    await changeInvitations(ctx.app.db, 1, 'gives-up');
    await deliverUntil(async () =>
      (await deliveryStates(ctx.app.db, hook.id)).some((s) => s.status === 'failed'),
    );
    receiver.state.answer = () => 200;
    const [delivery] = (
      await get<{ items: Delivery[] }>(`/api/v1/webhooks/${hook.id}/deliveries?status=failed`, hook.auth)
    ).items;
    expect(delivery).toMatchObject({ status: 'failed', attempts: options.maxAttempts });
    // R-HOOK-5: the receiver works again; a replay goes out now, though the endpoint was resting after its failures.
    await ctx.app.db.execute(
      sql`update webhook_subscriptions set retry_after = now() + interval '1 hour' where id = ${hook.id}`,
    );
    const replay = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/${hook.id}/deliveries/${delivery!.id}/replay`,
      headers: hook.auth,
    });
    expect(replay.statusCode).toBe(202);
    await deliver();
    const detail = await get<Detail>(`/api/v1/webhooks/${hook.id}/deliveries/${delivery!.id}`, hook.auth);
    expect(detail).toMatchObject({ status: 'delivered', attempts: options.maxAttempts! + 1 });
    await ctx.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, headers: hook.auth });
  });
});

describe('R-HOOK-5: replay', () => {
  it('R-HOOK-5: a delivery is sent again with the same event id, and the log shows both attempts', async () => {
    const hook = await subscribe(ctx.app, receiver.url);
    receiver.received.length = 0;
    await changeInvitations(ctx.app.db, 1, 'replay');
    await deliverUntil(async () => receiver.received.length === 1);
    const [delivery] = (await get<{ items: Delivery[] }>(`/api/v1/webhooks/${hook.id}/deliveries`, hook.auth))
      .items;
    const replay = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/${hook.id}/deliveries/${delivery!.id}/replay`,
      headers: hook.auth,
    });
    expect(replay.statusCode).toBe(202);
    expect(replay.json()).toMatchObject({ status: 'pending', eventId: delivery!.eventId });
    await deliverUntil(async () => receiver.received.length === 2);
    expect(receiver.ids()).toEqual([delivery!.eventId, delivery!.eventId]);
    const detail = await get<Detail>(`/api/v1/webhooks/${hook.id}/deliveries/${delivery!.id}`, hook.auth);
    expect(detail.log.map((a) => a.outcome)).toEqual(['delivered', 'delivered']);
    const stranger = await subscribe(ctx.app, receiver.url);
    const refused = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/${hook.id}/deliveries/${delivery!.id}/replay`,
      headers: stranger.auth,
    });
    expect(refused.statusCode).toBe(404);
    for (const h of [hook, stranger])
      await ctx.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${h.id}`, headers: h.auth });
  });
});

describe('R-HOOK-6: an endpoint that keeps failing is switched off, holding its events', () => {
  it('R-HOOK-6: after N failures in a row it is off, the program manager is told, and on again it gets everything', async () => {
    const pm = await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] });
    const hook = await subscribe(ctx.app, receiver.url);
    receiver.received.length = 0;
    receiver.state.answer = () => 503;
    await changeInvitations(ctx.app.db, 5, 'off');
    await deliverUntil(
      async () =>
        !(
          await ctx.app.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, hook.id))
        )[0]!.enabled,
      { disableAfter: 3, maxAttempts: 100 },
    );
    const endpoint = await get<{ enabled: boolean; disabledReason: string; consecutiveFailures: number }>(
      `/api/v1/webhooks/${hook.id}`,
      hook.auth,
    );
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: 'failing' });
    // Attempts already in flight when it was switched off may add to the count.
    expect(endpoint.consecutiveFailures).toBeGreaterThanOrEqual(3);
    const notices = await queryRows<{ recipient_id: string; title: string }>(
      ctx.app.db,
      sql`select recipient_id, title from notifications where kind = 'webhook.disabled'`,
    );
    expect(notices.map((n) => n.recipient_id)).toContain(pm.employee.id);
    expect(notices.map((n) => n.recipient_id)).toContain(hook.client.pm.employee.id);
    const emails = await queryRows<{ n: number }>(
      ctx.app.db,
      sql`select count(*)::int as n from email_outbox where subject like '%Webhook deliveries to Warehouse events are paused%'`,
    );
    expect(emails[0]!.n).toBeGreaterThan(0);
    // Off: nothing is tried, nothing is dropped.
    const before = receiver.received.length;
    await deliver();
    expect(receiver.received.length).toBe(before);
    expect((await deliveryStates(ctx.app.db, hook.id)).map((s) => s.status)).toEqual(['pending']);
    receiver.state.answer = () => 200;
    const on = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/webhooks/${hook.id}`,
      headers: hook.auth,
      payload: { enabled: true },
    });
    expect(on.json()).toMatchObject({ enabled: true, consecutiveFailures: 0 });
    await deliverUntil(async () =>
      (await deliveryStates(ctx.app.db, hook.id)).every((s) => s.status === 'delivered'),
    );
    expect(new Set(receiver.ids()).size).toBe(5);
    await ctx.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, headers: hook.auth });
  });
});

describe('R-HOOK-7: deliveries never reach internal addresses in production', () => {
  it('R-HOOK-7: an address literal or a name resolving to loopback is refused before any request is sent', async () => {
    receiver.received.length = 0;
    const strict = { timeoutMs: 2_000, policy: { allowPrivate: false } };
    const literal = await postWebhook(receiver.url, {}, '{}', strict);
    expect(literal.outcome).toBe('refused');
    const byName = await postWebhook(receiver.url.replace('127.0.0.1', 'localhost'), {}, '{}', strict);
    expect(byName).toMatchObject({ outcome: 'refused' });
    expect(receiver.received).toHaveLength(0);
    const allowed = await postWebhook(receiver.url, {}, '{}', {
      timeoutMs: 2_000,
      policy: { allowPrivate: true },
    });
    expect(allowed.outcome).toBe('delivered');
  });
});

describe('R-HOOK-3: metrics', () => {
  it('R-HOOK-3: deliveries are counted by outcome, and the backlog is reported from the database', async () => {
    const hook = await subscribe(ctx.app, receiver.url);
    const count = (text: string, outcome: string) =>
      value(text, 'hhs_webhook_deliveries_total', { outcome }) ?? 0;
    const before = await scrape(ctx.app);
    await changeInvitations(ctx.app.db, 2, 'metrics');
    const queued = await scrape(ctx.app);
    expect(value(queued, 'hhs_webhook_backlog')).toBe((value(before, 'hhs_webhook_backlog') ?? 0) + 2);
    let calls = 0;
    receiver.state.answer = () => (++calls === 1 ? 500 : 200);
    await deliverUntil(
      async () => (await deliveryStates(ctx.app.db, hook.id)).every((s) => s.status === 'delivered'),
      { observe: ctx.app.metrics.observeWebhook, concurrency: 1 },
    );
    const after = await scrape(ctx.app);
    expect(count(after, 'delivered') - count(before, 'delivered')).toBe(2);
    expect(count(after, 'failed') - count(before, 'failed')).toBe(1);
    expect(value(after, 'hhs_webhook_backlog')).toBe(value(before, 'hhs_webhook_backlog') ?? 0);
    expect(value(after, 'hhs_webhook_delivery_duration_seconds_count')).toBeGreaterThanOrEqual(3);
    await ctx.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, headers: hook.auth });
  });
});

describe('R-HOOK-3: the delivery log is kept for 30 days', () => {
  it('R-HOOK-3: finished deliveries older than the retention go with their attempts; waiting ones stay', async () => {
    const hook = await subscribe(ctx.app, receiver.url);
    await changeInvitations(ctx.app.db, 3, 'prune');
    await deliverUntil(async () =>
      (await deliveryStates(ctx.app.db, hook.id)).every((s) => s.status === 'delivered'),
    );
    await changeInvitations(ctx.app.db, 1, 'prune-waiting');
    const old = new Date(Date.now() - 31 * 24 * 3_600_000);
    await ctx.app.db.execute(
      sql`update webhook_deliveries set created_at = ${old} where subscription_id = ${hook.id}`,
    );
    expect(await pruneWebhookDeliveries(ctx.app.db, new Date(), 30, 2)).toBe(3);
    expect(await deliveryStates(ctx.app.db, hook.id)).toEqual([{ status: 'pending', n: 1 }]);
    const orphans = await queryRows<{ n: number }>(
      ctx.app.db,
      sql`select count(*)::int as n from webhook_attempts a
          where not exists (select 1 from webhook_deliveries d where d.id = a.delivery_id)`,
    );
    expect(orphans[0]!.n).toBe(0);
    await ctx.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, headers: hook.auth });
  });
});
