import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { changeLog, type ChangeFeed } from '../../db/schema/index.js';
import { encodeCursor, keyset, type PageParams, type PageResult } from '../../lib/pagination.js';

export type Change = { id: string; op: 'insert' | 'update' | 'delete'; changedAt: string };

/** The oldest transaction still running when this statement started: every transaction below it has ended. */
const SAFE_HORIZON = sql`pg_snapshot_xmin(pg_current_snapshot())::text::bigint`;
const POSITION = [
  { expr: changeLog.txid, dir: 'asc', type: 'bigint' },
  { expr: changeLog.seq, dir: 'asc', type: 'bigint' },
] as const;

/**
 * R-API-5: one feed's changes after the cursor, in (transaction id, sequence) order, below the safe horizon. A row
 * written by a transaction that has not committed yet is held back rather than skipped, so a consumer that resumes
 * from `resume` sees every change exactly once in order (decision 0901).
 */
export async function readChanges(
  db: Db,
  feed: ChangeFeed,
  params: PageParams,
): Promise<PageResult<Change> & { resume: string }> {
  const page = keyset([...POSITION], params);
  const rows = await db
    .select({ id: changeLog.entityId, op: changeLog.op, changedAt: changeLog.changedAt, key: page.key })
    .from(changeLog)
    .where(and(eq(changeLog.feed, feed), sql`${changeLog.txid} < ${SAFE_HORIZON}`, page.where))
    .orderBy(...page.orderBy)
    .limit(page.fetch);
  const result = page.page(
    rows,
    (r) => r.key,
    (kept) => kept.map((r) => ({ id: r.id, op: r.op as Change['op'], changedAt: r.changedAt.toISOString() })),
  );
  const last = rows[Math.min(rows.length, page.limit) - 1];
  return { ...result, resume: last ? encodeCursor(last.key) : (params.cursor ?? encodeCursor(['0', '0'])) };
}
