import { eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../../db/client.js';
import { systemClients, webhookSubscriptions } from '../../../db/schema/index.js';
import { audit, SYSTEM_AUDIT } from '../../platform/audit.js';
import { ChangeBatch } from '../../platform/change-batch.js';

/**
 * R-HOOK-6: an endpoint was switched off after failing again and again. The person who registered its system
 * client and every program manager hear of it (inbox and email, in the same transaction as the switch).
 */
export async function notifyEndpointDisabled(
  tx: Tx,
  subscriptionId: string,
  failures: number,
  appUrl: string,
) {
  const [row] = await tx
    .select({ client: systemClients.name, createdBy: systemClients.createdBy, url: webhookSubscriptions.url })
    .from(webhookSubscriptions)
    .innerJoin(systemClients, eq(systemClients.id, webhookSubscriptions.clientId))
    .where(eq(webhookSubscriptions.id, subscriptionId));
  if (!row) return;
  const managers = await queryRows<{ employee_id: string }>(
    tx,
    sql`select distinct u.employee_id from role_grants g join users u on u.id = g.user_id
        where g.role = 'program_manager'`,
  );
  const recipients = new Set([row.createdBy, ...managers.map((m) => m.employee_id)]);
  const known = await queryRows<{ id: string }>(
    tx,
    sql`select id from employees where id in (${sql.join(
      [...recipients].map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  const host = new URL(row.url).host;
  const batch = new ChangeBatch(tx);
  for (const { id } of known)
    batch.notice(
      {
        to: id,
        kind: 'webhook.disabled',
        title: `Webhook deliveries to ${row.client} are paused`,
        body:
          `The receiver of ${row.client} at ${host} failed ${failures} times in a row, so we stopped sending it ` +
          'events. Nothing is lost: its events wait until it is switched back on. Ask the team that runs it to fix ' +
          'their receiver, then switch it back on.',
        dedupeKey: `webhook-disabled:${subscriptionId}:${Date.now()}`,
      },
      appUrl,
    );
  await batch.run();
  await audit(tx, SYSTEM_AUDIT, {
    action: 'webhook_subscription.disable',
    objectType: 'webhook_subscription',
    objectId: subscriptionId,
    detail: { reason: 'failing', failures },
  });
}
