import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { webhookAttempts, webhookDeliveries, webhookSubscriptions } from '../db/schema/index.js';
import { notifyEndpointDisabled } from '../services/integrations/webhooks/disable-notice.js';
import type { Claimed, WebhookDeliveryOptions } from './webhook-delivery.js';
import type { PostResult } from './webhook-sender.js';

/**
 * R-HOOK-4: exponential backoff with "equal jitter": half the doubled delay is fixed, half random, so retries of many
 * deliveries that failed together spread out instead of arriving together.
 */
export function webhookBackoff(
  failures: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

type RecordOptions = Required<Pick<WebhookDeliveryOptions, 'maxAttempts' | 'disableAfter' | 'appUrl'>> & {
  backoffMs: number;
  maxBackoffMs: number;
  clock: () => Date;
  random: () => number;
};

/** R-HOOK-3/4/6: logs the attempt and moves the delivery and its endpoint on, in one transaction. */
export async function recordAttempt(
  db: Db,
  row: Claimed,
  startedAt: Date,
  result: PostResult,
  o: RecordOptions,
) {
  const now = o.clock();
  const ok = result.outcome === 'delivered';
  await db.transaction(async (tx) => {
    await tx
      .insert(webhookAttempts)
      .values({
        deliveryId: row.id,
        attempt: row.attempts,
        startedAt,
        durationMs: result.durationMs,
        outcome: result.outcome,
        statusCode: result.statusCode,
        error:
          'error' in result ? result.error : result.outcome === 'failed' ? `HTTP ${result.statusCode}` : null,
        responseExcerpt: 'excerpt' in result ? result.excerpt : null,
      })
      .onConflictDoNothing();
    const giveUp = !ok && row.attempts - row.attempts_before_replay >= o.maxAttempts;
    const moved = await tx
      .update(webhookDeliveries)
      .set({
        status: ok ? 'delivered' : giveUp ? 'failed' : 'pending',
        lockedUntil: null,
        lastStatusCode: result.statusCode,
        ...(ok
          ? { deliveredAt: now }
          : {
              nextAttemptAt: new Date(
                now.getTime() + webhookBackoff(row.attempts, o.backoffMs, o.maxBackoffMs, o.random),
              ),
            }),
      })
      .where(
        and(
          eq(webhookDeliveries.id, row.id),
          eq(webhookDeliveries.attempts, row.attempts),
          eq(webhookDeliveries.status, 'sending'),
        ),
      )
      .returning({ id: webhookDeliveries.id });
    // Another worker took the delivery over after our lease lapsed: its attempt decides; ours is only logged.
    if (moved.length === 0) return;
    if (ok) {
      await tx
        .update(webhookSubscriptions)
        .set({ consecutiveFailures: 0, retryAfter: null })
        .where(eq(webhookSubscriptions.id, row.subscription_id));
      return;
    }
    const [endpoint] = await tx
      .update(webhookSubscriptions)
      .set({ consecutiveFailures: sql`${webhookSubscriptions.consecutiveFailures} + 1` })
      .where(eq(webhookSubscriptions.id, row.subscription_id))
      .returning({
        failures: webhookSubscriptions.consecutiveFailures,
        enabled: webhookSubscriptions.enabled,
      });
    if (!endpoint) return;
    const disable = endpoint.enabled && endpoint.failures >= o.disableAfter;
    await tx
      .update(webhookSubscriptions)
      .set({
        retryAfter: new Date(
          now.getTime() + webhookBackoff(endpoint.failures, o.backoffMs, o.maxBackoffMs, o.random),
        ),
        ...(disable
          ? { enabled: false, disabledReason: 'failing' as const, disabledAt: now, updatedAt: now }
          : {}),
      })
      .where(eq(webhookSubscriptions.id, row.subscription_id));
    if (disable) await notifyEndpointDisabled(tx, row.subscription_id, endpoint.failures, o.appUrl);
  });
}
