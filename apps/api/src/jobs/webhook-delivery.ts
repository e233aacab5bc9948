import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { queryRows, type Db } from '../db/client.js';
import type { UrlPolicy } from '../services/integrations/webhooks/url-policy.js';
import { recordAttempt } from './webhook-result.js';
import { postWebhook, type PostResult } from './webhook-sender.js';

export type WebhookOutcome = PostResult['outcome'];

export interface WebhookDeliveryOptions {
  policy: UrlPolicy;
  appUrl: string;
  timeoutMs: number;
  maxAttempts: number;
  disableAfter: number;
  /** First retry delay; doubles with each failure up to maxBackoffMs, then jittered (R-HOOK-4). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How long a claim is exclusive: well beyond timeoutMs, so a slow receiver never lets a second worker in. */
  leaseMs?: number;
  maxPerRun?: number;
  /** Deliveries in flight at once in this process (each claimed on its own). */
  concurrency?: number;
  clock?: () => Date;
  /** In [0, 1): the jitter's source; tests pass their own. */
  random?: () => number;
  signal?: AbortSignal;
  /** Told of every attempt (the metrics). */
  observe?: (outcome: WebhookOutcome, durationMs: number) => void;
}

export const WEBHOOK_DEFAULTS = {
  backoffMs: 30_000,
  maxBackoffMs: 3_600_000,
  maxPerRun: 200,
  concurrency: 4,
};

export type Claimed = {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  entity_id: string;
  occurred_at: string | Date;
  attempts: number;
  attempts_before_replay: number;
  url: string;
  secret: string;
};

/**
 * R-HOOK-4: takes one due delivery for this worker, as the email outbox does (decision 0300): SKIP LOCKED lets
 * workers in other processes pass each other; the lease keeps the row theirs after the statement commits and hands
 * it back if the process dies. `attempts` is the fencing token for the result. Endpoints that are off, resting after
 * a failure (retry_after), of a revoked client, or already failing in this run are skipped.
 */
export async function claimNextDelivery(
  db: Db,
  now: Date,
  leaseMs: number,
  skip: string[],
): Promise<Claimed | undefined> {
  const until = new Date(now.getTime() + leaseMs);
  const skipping = skip.length
    ? sql`and d.subscription_id not in (${sql.join(
        skip.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const rows = await queryRows<Claimed>(
    db,
    sql`with due as (
          select d.id from webhook_deliveries d
          join webhook_subscriptions s on s.id = d.subscription_id
          join system_clients c on c.id = s.client_id
          where d.status in ('pending', 'sending') and d.next_attempt_at <= ${now}
            and (d.locked_until is null or d.locked_until < ${now})
            and s.enabled and (s.retry_after is null or s.retry_after <= ${now}) and c.revoked_at is null
            ${skipping}
          order by d.next_attempt_at, d.id
          limit 1
          for update of d skip locked)
        update webhook_deliveries d set status = 'sending', locked_until = ${until}, attempts = d.attempts + 1
        from due, webhook_subscriptions s
        where d.id = due.id and s.id = d.subscription_id
        returning d.id, d.subscription_id, d.event_id, d.event_type, d.entity_id, d.occurred_at, d.attempts,
          d.attempts_before_replay, s.url, s.secret`,
  );
  return rows[0];
}

/** R-HOOK-3: the body of a delivery, the same on every attempt (Standard Webhooks payload shape). */
export function webhookBody(row: Pick<Claimed, 'event_type' | 'entity_id' | 'occurred_at'>): string {
  return JSON.stringify({
    type: row.event_type,
    timestamp: new Date(row.occurred_at).toISOString(),
    data: { id: row.entity_id },
  });
}

/** R-HOOK-3: the Standard Webhooks headers for one attempt; the timestamp is the attempt's, the id the event's. */
export function signedHeaders(
  secret: string,
  eventId: string,
  at: Date,
  body: string,
): Record<string, string> {
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(eventId, at, body),
  };
}

/** Delivers every due webhook (up to maxPerRun); returns how many were delivered and how many failed this run. */
export async function deliverDueWebhooks(
  db: Db,
  options: WebhookDeliveryOptions,
): Promise<{ delivered: number; failed: number }> {
  const o = { ...WEBHOOK_DEFAULTS, leaseMs: options.timeoutMs * 2 + 30_000, ...options };
  const clock = o.clock ?? (() => new Date());
  const random = o.random ?? Math.random;
  // An endpoint that failed once in this run is left alone for the rest of it (it is resting: retry_after).
  const failing = new Set<string>();
  let delivered = 0;
  let failed = 0;
  const worker = async () => {
    while (delivered + failed < o.maxPerRun && !o.signal?.aborted) {
      const row = await claimNextDelivery(db, clock(), o.leaseMs, [...failing]);
      if (!row) return;
      const startedAt = clock();
      const body = webhookBody(row);
      const result = await postWebhook(
        row.url,
        signedHeaders(row.secret, row.event_id, startedAt, body),
        body,
        {
          timeoutMs: o.timeoutMs,
          policy: o.policy,
        },
      );
      o.observe?.(result.outcome, result.durationMs);
      if (result.outcome === 'delivered') delivered += 1;
      else {
        failed += 1;
        failing.add(row.subscription_id);
      }
      await recordAttempt(db, row, startedAt, result, { ...o, clock, random });
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  return { delivered, failed };
}
