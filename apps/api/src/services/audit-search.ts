import { and, desc, eq, gte, like, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import type { UserActor } from '../plugins/external/auth.js';
import type { AuditQuery } from '../schemas/audit.js';
import { likePrefix } from './directory.js';
import { staffScope } from './scope.js';

/** R-ADMIN-3: search the audit log; a coordinator sees the rows that concern their OPDIVs (R-ROLE-2). */
export async function searchAudit(db: Db, actor: UserActor, q: AuditQuery) {
  const scope = staffScope(actor);
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
  const limit = q.limit ?? 20;
  const offset = q.offset ?? 0;
  const [rows, [total]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit).offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, at: r.at.toISOString(), detail: r.detail as Record<string, unknown> })),
    total: total?.n ?? 0,
    limit,
    offset,
  };
}
