import { lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { idempotencyKeys } from '../../db/schema/index.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How long a stored answer is replayed (docs/decisions/0404); a daily job deletes older keys. */
export const IDEMPOTENCY_RETENTION_DAYS = 7;

/** Deletes stored answers older than the retention; returns how many went. */
export async function pruneIdempotencyKeys(
  db: Db,
  now: Date,
  keepDays = IDEMPOTENCY_RETENTION_DAYS,
): Promise<number> {
  const gone = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - keepDays * 24 * 3_600_000)))
    .returning({ key: idempotencyKeys.key });
  return gone.length;
}

/** The PostgreSQL SQLSTATE of an error, whether drizzle wrapped it (DrizzleQueryError.cause) or not. */
export function pgErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e.code === 'string' ? e.code : e.cause?.code;
  return typeof code === 'string' ? code : undefined;
}
