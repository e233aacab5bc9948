import { and, eq, gte, like, lt, sql } from 'drizzle-orm';
import { keyset, type SortKey } from '../../lib/pagination.js';
import type { Db } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import type { Actor } from '../accounts/actors.js';
import type { AuditQuery } from '../../schemas/audit.js';
import { likePrefix } from '../journey/directory.js';
import { staffScope } from '../coordination/scope.js';

/**
 * R-ADMIN-3: search the audit log; a coordinator sees the rows that concern their OPDIVs (R-ROLE-2), the program
 * manager and a security monitor with the audit:read scope (R-AUD-1) the whole log.
 */
export async function searchAudit(db: Db, actor: Actor, q: AuditQuery) {
  const scope = actor.kind === 'system' ? null : staffScope(actor);
  const where = and(
    scope === null ? undefined : sql`${auditLog.opdivs} && ${sql.param(scope)}::text[]`,
    q.actor ? eq(auditLog.actorId, q.actor) : undefined,
    q.objectType ? eq(auditLog.objectType, q.objectType) : undefined,
    q.objectId ? eq(auditLog.objectId, q.objectId) : undefined,
    // likePrefix lower-cases; actions are lower-case by convention.
    q.action ? like(auditLog.action, likePrefix(q.action)) : undefined,
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lt(auditLog.at, new Date(q.to)) : undefined,
  );
  const page = keyset(AUDIT_ORDER, q);
  const [rows, [total]] = await Promise.all([
    db
      .select({ r: auditLog, key: page.key })
      .from(auditLog)
      .where(and(where, page.where))
      .orderBy(...page.orderBy)
      .limit(page.fetch),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(where),
  ]);
  const { items, nextCursor } = page.page(
    rows,
    (row) => row.key,
    (kept) =>
      kept.map(({ r }) => ({ ...r, at: r.at.toISOString(), detail: r.detail as Record<string, unknown> })),
  );
  return { items, nextCursor, total: total?.n ?? 0 };
}

const AUDIT_ORDER: SortKey[] = [
  { expr: auditLog.at, dir: 'desc', type: 'timestamptz' },
  { expr: auditLog.id, dir: 'desc', type: 'bigint' },
];
