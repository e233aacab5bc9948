import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.js';

/** R-HOOK-3: the delivery log keeps finished deliveries (and their attempts) this long. */
export const WEBHOOK_LOG_RETENTION_DAYS = 30;

/**
 * Deletes delivered and failed deliveries older than the retention, with their attempts (cascade), in batches so one
 * statement never holds many rows locked. Pending ones are kept however old: they are events not yet received.
 */
export async function pruneWebhookDeliveries(
  db: Db,
  now: Date,
  keepDays = WEBHOOK_LOG_RETENTION_DAYS,
  batch = 5_000,
): Promise<number> {
  const before = new Date(now.getTime() - keepDays * 24 * 3_600_000);
  let total = 0;
  for (;;) {
    const gone = await queryRows<{ id: string }>(
      db,
      sql`delete from webhook_deliveries where id in (
            select id from webhook_deliveries where status in ('delivered', 'failed') and created_at < ${before}
            limit ${batch})
          returning id`,
    );
    total += gone.length;
    if (gone.length < batch) return total;
  }
}
