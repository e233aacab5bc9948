import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../src/db/client.js';
import { makeSystemClient } from '../integrations/helpers.js';

/** A system client with webhooks:manage and one endpoint subscribed to `eventTypes`; returns its secret. */
export async function subscribe(app: FastifyInstance, url: string, eventTypes: string[] = ['invitation.*']) {
  const client = await makeSystemClient(app, ['webhooks:manage'], 'Warehouse events');
  const auth = await client.token();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/webhooks',
    headers: auth,
    payload: { url, eventTypes },
  });
  if (res.statusCode !== 201) throw new Error(`not subscribed: ${res.body}`);
  const body = res.json<{ id: string; secret: string }>();
  return { client, auth, id: body.id, secret: body.secret };
}

/** n changes as the change-log triggers write them (an invitation changed n times), in one transaction each. */
export async function changeInvitations(db: Tx, n: number, prefix = 'inv') {
  for (let i = 0; i < n; i++)
    await db.execute(sql`select log_change('invitations', ${`${prefix}-${i}`}, 'update')`);
}

export async function deliveryStates(db: Tx, subscriptionId: string) {
  return queryRows<{ status: string; n: number }>(
    db,
    sql`select status, count(*)::int as n from webhook_deliveries where subscription_id = ${subscriptionId}
        group by status order by status`,
  );
}
