import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Db } from '../../db/client.js';
import { countHit } from '../../services/platform/counters.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
type RouteParams = { routeInfo?: { method?: string | string[]; url?: string }; storePrefix?: string };

/**
 * A @fastify/rate-limit store whose counters live in PostgreSQL (rate_limit_counters), so N replicas allow the
 * limit once, not N times (decision 0010). One statement per request: the first hit of a window inserts, later
 * ones increment, a hit after the window starts a new one. Each route's limiter is a child with its own prefix.
 */
export function postgresRateLimitStore(db: Db) {
  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    readonly prefix: string;
    constructor(_params?: unknown, prefix = 'global') {
      this.prefix = prefix;
    }

    incr(key: string, callback: Callback, timeWindow: number, _max?: number) {
      countHit(db, `${this.prefix}|${key}`, timeWindow).then(
        (hit) => callback(null, { current: hit.hits, ttl: hit.ttlMs }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]) {
      // At run time @fastify/rate-limit passes the route's merged limit settings, the route under `routeInfo`; a
      // limiter made by createRateLimit (no route) names its counters with `storePrefix`.
      const params = routeOptions as unknown as RouteParams;
      const route = params.routeInfo;
      return new PostgresRateLimitStore(
        undefined,
        params.storePrefix ?? `${[route?.method].flat().join(',')} ${route?.url ?? ''}`,
      );
    }
  };
}
