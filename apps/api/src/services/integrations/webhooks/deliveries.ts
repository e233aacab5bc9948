import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { webhookAttempts, webhookDeliveries, webhookSubscriptions } from '../../../db/schema/index.js';
import { keyset, type PageParams, type PageResult } from '../../../lib/pagination.js';
import { problems } from '../../../lib/problem.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { loadSubscription } from './subscriptions.js';

type Row = typeof webhookDeliveries.$inferSelect;
export type DeliveryStatus = Row['status'];
/** R-HOOK-3: the log shows a delivery's latest attempts, this many at most. */
export const ATTEMPTS_SHOWN = 50;

export function presentDelivery(d: Row) {
  return {
    id: d.id,
    subscriptionId: d.subscriptionId,
    eventId: d.eventId,
    eventType: d.eventType,
    entityId: d.entityId,
    occurredAt: d.occurredAt.toISOString(),
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    lastStatusCode: d.lastStatusCode,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

/** R-HOOK-3 (R-API-4 pages): an endpoint's deliveries, newest first, optionally of one status. */
export async function listDeliveries(
  db: Db,
  clientId: string | null,
  subscriptionId: string,
  params: PageParams & { status?: DeliveryStatus | undefined },
): Promise<PageResult<ReturnType<typeof presentDelivery>>> {
  await loadSubscription(db, clientId, subscriptionId);
  const k = keyset(
    [
      { expr: webhookDeliveries.createdAt, dir: 'desc', type: 'timestamptz' },
      { expr: webhookDeliveries.id, dir: 'desc', type: 'uuid' },
    ],
    params,
  );
  const rows = await db
    .select({ d: webhookDeliveries, key: k.key })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        params.status ? eq(webhookDeliveries.status, params.status) : undefined,
        k.where,
      ),
    )
    .orderBy(...k.orderBy)
    .limit(k.fetch);
  return k.page(
    rows,
    (r) => r.key,
    (kept) => kept.map((r) => presentDelivery(r.d)),
  );
}

async function loadDelivery(db: Db, clientId: string | null, subscriptionId: string, id: string) {
  await loadSubscription(db, clientId, subscriptionId);
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.subscriptionId, subscriptionId)));
  if (!row) throw problems.notFound('That delivery');
  return row;
}

/** R-HOOK-3: one delivery with its attempts (latest first): when, how long, the status code, a short excerpt. */
export async function getDelivery(db: Db, clientId: string | null, subscriptionId: string, id: string) {
  const row = await loadDelivery(db, clientId, subscriptionId, id);
  const attempts = await db
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, id))
    .orderBy(desc(webhookAttempts.attempt))
    .limit(ATTEMPTS_SHOWN);
  return {
    ...presentDelivery(row),
    log: attempts.map((a) => ({
      attempt: a.attempt,
      startedAt: a.startedAt.toISOString(),
      durationMs: a.durationMs,
      outcome: a.outcome,
      statusCode: a.statusCode,
      error: a.error,
      responseExcerpt: a.responseExcerpt,
    })),
  };
}

/**
 * R-HOOK-5: sends a delivery again, now, with the same event id (the receiver drops it if it already has it) and a
 * fresh allowance of attempts. A delivery being sent at this moment is refused: wait for its result.
 */
export async function replayDelivery(
  db: Db,
  ctx: AuditContext,
  clientId: string,
  subscriptionId: string,
  id: string,
) {
  await loadDelivery(db, clientId, subscriptionId, id);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).for('update');
    if (!row) throw problems.notFound('That delivery');
    if (row.status === 'sending' && row.lockedUntil && row.lockedUntil > new Date())
      throw problems.rule('R-HOOK-5', 'This delivery is being sent right now. Look at its log in a minute.');
    const [updated] = await tx
      .update(webhookDeliveries)
      .set({
        status: 'pending',
        nextAttemptAt: new Date(),
        lockedUntil: null,
        attemptsBeforeReplay: row.attempts,
      })
      .where(eq(webhookDeliveries.id, id))
      .returning();
    // "Now" means now: the endpoint's rest after earlier failures does not hold a replay back.
    await tx
      .update(webhookSubscriptions)
      .set({ retryAfter: null })
      .where(eq(webhookSubscriptions.id, subscriptionId));
    await audit(tx, ctx, {
      action: 'webhook_delivery.replay',
      objectType: 'webhook_delivery',
      objectId: id,
      detail: { eventId: row.eventId },
    });
    return presentDelivery(updated!);
  });
}
