import { randomBytes } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.js';
import { systemClients, webhookSubscriptions } from '../../../db/schema/index.js';
import { keyset, type PageParams, type PageResult } from '../../../lib/pagination.js';
import { problems } from '../../../lib/problem.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { checkEndpoint, type UrlPolicy } from './url-policy.js';

type Row = typeof webhookSubscriptions.$inferSelect;
/** R-HOOK-1: a client has a handful of endpoints, not hundreds (each event fans out to each of them). */
export const MAX_SUBSCRIPTIONS_PER_CLIENT = 10;

export function presentSubscription(s: Row, clientName?: string) {
  return {
    id: s.id,
    clientId: s.clientId,
    ...(clientName === undefined ? {} : { clientName }),
    url: s.url,
    description: s.description,
    eventTypes: s.eventTypes,
    enabled: s.enabled,
    disabledReason: s.disabledReason,
    disabledAt: s.disabledAt?.toISOString() ?? null,
    consecutiveFailures: s.consecutiveFailures,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

function refuseEndpoint(url: string, policy: UrlPolicy) {
  const refusal = checkEndpoint(url, policy);
  if (refusal) throw problems.rule(refusal.rule, refusal.detail, 422);
}

/** R-HOOK-1: a new endpoint of the calling client; the signing secret is in this answer and never again. */
export async function createSubscription(
  db: Db,
  ctx: AuditContext,
  clientId: string,
  policy: UrlPolicy,
  input: { url: string; eventTypes: string[]; description?: string | undefined },
) {
  refuseEndpoint(input.url, policy);
  return db.transaction(async (tx) => {
    // One client's creations queue on its row, so two at once cannot both pass the limit.
    await tx
      .select({ id: systemClients.id })
      .from(systemClients)
      .where(eq(systemClients.id, clientId))
      .for('update');
    const [existing] = await tx
      .select({ n: count() })
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.clientId, clientId));
    if ((existing?.n ?? 0) >= MAX_SUBSCRIPTIONS_PER_CLIENT)
      throw problems.rule(
        'R-HOOK-1',
        `A system client can have at most ${MAX_SUBSCRIPTIONS_PER_CLIENT} webhook endpoints. Delete one you no longer use first.`,
      );
    const secret = newSecret();
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({
        clientId,
        url: input.url,
        description: input.description ?? '',
        eventTypes: [...new Set(input.eventTypes)],
        secret,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'webhook_subscription.create',
      objectType: 'webhook_subscription',
      objectId: row!.id,
      detail: { eventTypes: row!.eventTypes },
    });
    return { ...presentSubscription(row!), secret };
  });
}

/**
 * R-HOOK-1: one endpoint, loaded for the caller. A client reaches only its own (clientId); the program manager
 * (clientId null) reaches any. Someone else's endpoint is "not found", so its existence is not revealed.
 */
export async function loadSubscription(db: Tx, clientId: string | null, id: string): Promise<Row> {
  const [row] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  if (!row || (clientId !== null && row.clientId !== clientId))
    throw problems.notFound('That webhook endpoint');
  return row;
}

/** R-HOOK-1 (R-API-4 pages): the caller's endpoints, newest first; every client's for the program manager. */
export async function listSubscriptions(
  db: Db,
  clientId: string | null,
  params: PageParams,
): Promise<PageResult<ReturnType<typeof presentSubscription>>> {
  const k = keyset(
    [
      { expr: webhookSubscriptions.createdAt, dir: 'desc', type: 'timestamptz' },
      { expr: webhookSubscriptions.id, dir: 'desc', type: 'uuid' },
    ],
    params,
  );
  const rows = await db
    .select({ s: webhookSubscriptions, clientName: systemClients.name, key: k.key })
    .from(webhookSubscriptions)
    .innerJoin(systemClients, eq(systemClients.id, webhookSubscriptions.clientId))
    .where(and(clientId === null ? undefined : eq(webhookSubscriptions.clientId, clientId), k.where))
    .orderBy(...k.orderBy)
    .limit(k.fetch);
  return k.page(
    rows,
    (r) => r.key,
    (kept) => kept.map((r) => presentSubscription(r.s, clientId === null ? r.clientName : undefined)),
  );
}

export type SubscriptionChange = {
  url?: string | undefined;
  eventTypes?: string[] | undefined;
  description?: string | undefined;
  enabled?: boolean | undefined;
};

/**
 * R-HOOK-1/R-HOOK-6: changes an endpoint. Switching it off holds its deliveries (nothing is dropped); switching it
 * back on clears the failure count, and the held deliveries go out. `by` says who switched it off.
 */
export async function updateSubscription(
  db: Db,
  ctx: AuditContext,
  clientId: string | null,
  id: string,
  policy: UrlPolicy,
  change: SubscriptionChange,
) {
  if (change.url !== undefined) refuseEndpoint(change.url, policy);
  const by = clientId === null ? ('program_manager' as const) : ('client' as const);
  return db.transaction(async (tx) => {
    await tx
      .select({ id: webhookSubscriptions.id })
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, id))
      .for('update');
    const current = await loadSubscription(tx, clientId, id);
    const now = new Date();
    const toggled = change.enabled !== undefined && change.enabled !== current.enabled;
    const [row] = await tx
      .update(webhookSubscriptions)
      .set({
        ...(change.url === undefined ? {} : { url: change.url }),
        ...(change.description === undefined ? {} : { description: change.description }),
        ...(change.eventTypes === undefined ? {} : { eventTypes: [...new Set(change.eventTypes)] }),
        ...(toggled && change.enabled
          ? {
              enabled: true,
              disabledReason: null,
              disabledAt: null,
              consecutiveFailures: 0,
              retryAfter: null,
            }
          : {}),
        ...(toggled && !change.enabled ? { enabled: false, disabledReason: by, disabledAt: now } : {}),
        updatedAt: now,
      })
      .where(eq(webhookSubscriptions.id, id))
      .returning();
    await audit(tx, ctx, {
      action: toggled
        ? change.enabled
          ? 'webhook_subscription.enable'
          : 'webhook_subscription.disable'
        : 'webhook_subscription.update',
      objectType: 'webhook_subscription',
      objectId: id,
      detail: {
        fields: Object.keys(change).filter((k) => change[k as keyof SubscriptionChange] !== undefined),
      },
    });
    return presentSubscription(row!);
  });
}

/** R-HOOK-1: deletes an endpoint of the caller with its delivery log. */
export async function deleteSubscription(db: Db, ctx: AuditContext, clientId: string, id: string) {
  await db.transaction(async (tx) => {
    const current = await loadSubscription(tx, clientId, id);
    await tx.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, current.id));
    await audit(tx, ctx, {
      action: 'webhook_subscription.delete',
      objectType: 'webhook_subscription',
      objectId: id,
    });
  });
}
