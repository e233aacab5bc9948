import type { Db } from './client.js';
import { problems } from '../lib/problem.js';

/** PostgreSQL aborts one side of a deadlock (40P01) or a serialization conflict (40001); the other side went through. */
const RETRYABLE = new Set(['40P01', '40001']);

type TxOf = Parameters<Parameters<Db['transaction']>[0]>[0];
export type RetryOptions = { attempts?: number; baseDelayMs?: number };

/** The SQLSTATE of a retryable abort, on both drivers (drizzle wraps the driver error in `cause`). */
export function retryableCode(err: unknown): string | undefined {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined;
    e && typeof e === 'object';
    e = e.cause as typeof e
  ) {
    if (typeof e.code === 'string' && RETRYABLE.has(e.code)) return e.code;
  }
  return undefined;
}

/**
 * Runs fn in a transaction, and runs it again (a fresh transaction, so it re-reads everything and re-checks every
 * rule) when PostgreSQL aborted it as a deadlock or serialization victim. Waits a random, growing delay between
 * attempts so two colliding requests do not collide again. When the attempts run out the caller gets a 409 asking
 * them to try again, never a 500: nothing was written (decision 0250).
 */
export async function transactionWithRetry<T>(
  db: Db,
  fn: (tx: TxOf) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 4;
  const base = options.baseDelayMs ?? 15;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (err) {
      if (!retryableCode(err)) throw err;
      if (attempt >= attempts)
        throw problems.conflict(
          'Other changes to the same invitations or relationships got in the way; nothing was changed. Please try again.',
        );
      await new Promise((resolve) => setTimeout(resolve, base * 2 ** (attempt - 1) * (0.5 + Math.random())));
    }
  }
}
