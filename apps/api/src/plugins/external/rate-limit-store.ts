import { sql } from 'drizzle-orm';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { queryRows, type Db } from '../../db/client.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
type RouteParams = { routeInfo?: { method?: string | string[]; url?: string } };

/**
 * A @fastify/rate-limit store whose counters live in PostgreSQL (rate_limit_counters), so N replicas allow the
 * limit once, not N times (decision 0006). One statement per request: the first hit of a window inserts, later
 * ones increment, a hit after the window starts a new one. Each route's limiter is a child with its own prefix.
 */
export function postgresRateLimitStore(db: Db) {
  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    readonly prefix: string;
    constructor(_params?: unknown, prefix = 'global') {
      this.prefix = prefix;
    }

    incr(key: string, callback: Callback, timeWindow: number, _max?: number) {
      const id = `${this.prefix}|${key}`.slice(0, 300);
      queryRows<{ hits: number; ttl: number }>(
        db,
        sql`insert into rate_limit_counters as c (key, hits, reset_at)
              values (${id}, 1, now() + ${timeWindow} * interval '1 millisecond')
            on conflict (key) do update set
              hits = case when c.reset_at <= now() then 1 else c.hits + 1 end,
              reset_at = case when c.reset_at <= now() then excluded.reset_at else c.reset_at end
            returning hits, greatest(0, ceil(extract(epoch from (reset_at - now())) * 1000))::int as ttl`,
      ).then(
        (rows) => callback(null, { current: rows[0]!.hits, ttl: rows[0]!.ttl }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]) {
      // At run time @fastify/rate-limit passes the route's merged limit settings, the route under `routeInfo`.
      const route = (routeOptions as unknown as RouteParams).routeInfo;
      return new PostgresRateLimitStore(undefined, `${[route?.method].flat().join(',')} ${route?.url ?? ''}`);
    }
  };
}
