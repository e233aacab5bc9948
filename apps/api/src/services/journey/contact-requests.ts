import { eq, sql } from 'drizzle-orm';
import { keyset, type PageParams, type SortKey } from '../../lib/pagination.js';
import { queryRows, type Db, type Tx } from '../../db/client.js';
import { coordinatorContactRequests } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { audit, type AuditContext } from '../platform/audit.js';
import { pairIn, type Scope } from '../coordination/scope.js';
import { coversAny } from '../coordination/scope.js';

type Person = { id: string; name: string; opdiv: string };
type Row = {
  id: string;
  relationshipId: string;
  requestedBy: Person;
  role: 'mentee' | 'mentor';
  mentee: Person;
  mentor: Person;
  source: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
};
export type ContactRequestStatus = 'open' | 'resolved' | 'all';

const person = (alias: string) =>
  sql.raw(
    `json_build_object('id', ${alias}.id, 'name', ${alias}.first_name || ' ' || ${alias}.last_name, 'opdiv', ${alias}.opdiv)`,
  );

/** One query for the list and for a single request: the pair's people and the requester's side. */
// Open first, then oldest first (R-LIFE-4).
const REQUEST_ORDER: SortKey[] = [
  { expr: sql`(c.resolved_at is not null)`, dir: 'asc', type: 'boolean' },
  { expr: sql`c.created_at`, dir: 'asc', type: 'timestamptz' },
  { expr: sql`c.id`, dir: 'asc', type: 'uuid' },
];

async function select(db: Tx, where: ReturnType<typeof sql>, params: PageParams) {
  const page = keyset(REQUEST_ORDER, params);
  const rows = await queryRows<Row & { k: string[] }>(
    db,
    sql`select c.id, c.relationship_id as "relationshipId", ${person('rq')} as "requestedBy",
          case when c.requested_by = r.mentor_id then 'mentor' else 'mentee' end as role,
          ${person('me')} as mentee, ${person('mo')} as mentor, c.source,
          to_json(c.created_at) #>> '{}' as "createdAt", to_json(c.resolved_at) #>> '{}' as "resolvedAt",
          c.resolved_by as "resolvedBy", ${page.key} as k
        from coordinator_contact_requests c join relationships r on r.id = c.relationship_id
          join employees me on me.id = r.mentee_id join employees mo on mo.id = r.mentor_id join employees rq on rq.id = c.requested_by
        where ${where} and ${page.where ?? sql`true`}
        order by ${page.orderSql} limit ${page.fetch}`,
  );
  const iso = (s: string | null) => (s ? new Date(s).toISOString() : null);
  return page.page(
    rows,
    (r) => r.k,
    (kept) =>
      kept.map(({ k: _k, ...r }) => ({ ...r, createdAt: iso(r.createdAt)!, resolvedAt: iso(r.resolvedAt) })),
  );
}

/** R-LIFE-4, the coordinator's queue: help requests of pairs in scope (either side, R-ROLE-2), open first, oldest first. */
export async function listContactRequests(
  db: Db,
  scope: Scope,
  status: ContactRequestStatus,
  params: PageParams,
) {
  const state =
    status === 'open'
      ? sql`c.resolved_at is null`
      : status === 'resolved'
        ? sql`c.resolved_at is not null`
        : sql`true`;
  return select(db, sql`${state} and ${pairIn(sql`me.opdiv`, sql`mo.opdiv`, scope)}`, params);
}

/**
 * R-LIFE-4: staff covering either partner mark a help request handled. Out of scope is 404 (R-SEC-3); resolving it
 * twice is a 409 that changes nothing. The row is locked, so two coordinators cannot both resolve it.
 */
export async function resolveContactRequest(
  db: Db,
  actor: UserActor,
  id: string,
  ctx: AuditContext,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(coordinatorContactRequests)
      .where(eq(coordinatorContactRequests.id, id))
      .for('update');
    const current = locked ? (await select(tx, sql`c.id = ${id}`, { limit: 1 })).items[0] : undefined;
    if (!locked || !current || !coversAny(actor, [current.mentee.opdiv, current.mentor.opdiv]))
      throw problems.notFound('That contact request');
    if (locked.resolvedAt)
      throw problems.rule(
        'R-LIFE-4',
        `This request was already resolved on ${locked.resolvedAt.toISOString().slice(0, 10)}.`,
        409,
      );
    await tx
      .update(coordinatorContactRequests)
      .set({ resolvedAt: now, resolvedBy: actor.employeeId })
      .where(eq(coordinatorContactRequests.id, id));
    await audit(tx, ctx, {
      action: 'contact_request.resolve',
      objectType: 'relationship',
      objectId: current.relationshipId,
      opdivs: [current.mentee.opdiv, current.mentor.opdiv],
      detail: { contactRequestId: id },
    });
    return { ...current, resolvedAt: now.toISOString(), resolvedBy: actor.employeeId };
  });
}
