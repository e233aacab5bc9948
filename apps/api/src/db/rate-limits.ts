import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client.js';

/** Forgets windows that ended more than an hour ago (the daily prune job). */
export async function pruneRateLimitCounters(db: Db, now: Date): Promise<number> {
  const rows = await queryRows<{ key: string }>(
    db,
    sql`delete from rate_limit_counters where reset_at < ${new Date(now.getTime() - 3_600_000)} returning key`,
  );
  return rows.length;
}
