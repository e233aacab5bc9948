import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';

// Windowed counters in rate_limit_counters, shared by every replica on PostgreSQL (decision 0010).

/**
 * Counts one hit on a key in a window of `windowMs`, in one statement: the first hit of a window inserts, later
 * ones increment, a hit after the window starts a new one. Also used by sign-in throttling (R-SEC-7).
 */
export async function countHit(
  db: Db,
  key: string,
  windowMs: number,
): Promise<{ hits: number; ttlMs: number }> {
  const rows = await queryRows<{ hits: number; ttl: number }>(
    db,
    sql`insert into rate_limit_counters as c (key, hits, reset_at)
          values (${key.slice(0, 300)}, 1, now() + ${windowMs} * interval '1 millisecond')
        on conflict (key) do update set
          hits = case when c.reset_at <= now() then 1 else c.hits + 1 end,
          reset_at = case when c.reset_at <= now() then excluded.reset_at else c.reset_at end
        returning hits, greatest(0, ceil(extract(epoch from (reset_at - now())) * 1000))::int as ttl`,
  );
  return { hits: rows[0]!.hits, ttlMs: rows[0]!.ttl };
}

/** The hits of a key's current window (0 when none), without counting one. */
export async function peekHits(db: Db, key: string): Promise<{ hits: number; ttlMs: number }> {
  const rows = await queryRows<{ hits: number; ttl: number }>(
    db,
    sql`select hits, greatest(0, ceil(extract(epoch from (reset_at - now())) * 1000))::int as ttl
          from rate_limit_counters where key = ${key.slice(0, 300)} and reset_at > now()`,
  );
  return { hits: rows[0]?.hits ?? 0, ttlMs: rows[0]?.ttl ?? 0 };
}

/** Forgets every counter whose key starts with one of the prefixes. */
export async function clearCounters(db: Db, prefixes: string[]): Promise<void> {
  for (const prefix of prefixes)
    await queryRows(db, sql`delete from rate_limit_counters where starts_with(key, ${prefix})`);
}
