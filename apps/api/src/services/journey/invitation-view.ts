import { and, eq, or, sql } from 'drizzle-orm';
import { keyset, type PageParams } from '../../lib/pagination.js';
import { preparedRows, preparedSql, type Tx } from '../../db/client.js';
import { rowFromJson } from '../../db/json-rows.js';
import { invitations } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { coversAny } from '../coordination/scope.js';
import { employeeRows, fullName, type EmployeeRow } from './people.js';

export type InvitationRow = typeof invitations.$inferSelect;

/** R-SEC-3: an invitation is visible to its mentee, its mentor and staff covering either side; others get 404. */
export async function invitationFor(
  db: Tx,
  actor: UserActor,
  id: string,
  lock = false,
): Promise<InvitationRow> {
  const row = lock
    ? await lockInvitation(db, id)
    : (await db.select().from(invitations).where(eq(invitations.id, id)))[0];
  if (!row) throw problems.notFound('That invitation');
  if (row.menteeId === actor.employeeId || row.mentorId === actor.employeeId) return row;
  const people = await employeeRows(db, [row.menteeId, row.mentorId]);
  if (
    coversAny(
      actor,
      [...people.values()].map((p) => p.opdiv),
    )
  )
    return row;
  throw problems.notFound('That invitation');
}

const LOCK_INVITATION = preparedSql(
  'lock_invitation',
  () => sql`
    select to_json(i) as row from ${invitations} i where i.id = ${sql.placeholder('id')} for update`,
);

/** The invitation row, locked (FOR UPDATE): a prepared statement handed to the connection at once, so statements issued after it run after it. */
async function lockInvitation(db: Tx, id: string): Promise<InvitationRow | undefined> {
  const [row] = await preparedRows<{ row: Record<string, unknown> }>(db, LOCK_INVITATION, { id });
  return row ? rowFromJson(invitations, row.row) : undefined;
}

/** Invitations as the API shows them; `known` are people the caller has already read (not read again). */
export async function presentInvitations(db: Tx, rows: InvitationRow[], known?: Map<string, EmployeeRow>) {
  const ids = [...new Set(rows.flatMap((r) => [r.menteeId, r.mentorId]))];
  const people = known && ids.every((id) => known.has(id)) ? known : await employeeRows(db, ids);
  const person = (id: string) => {
    const e = people.get(id);
    return { id, name: e ? fullName(e) : id, opdiv: e?.opdiv ?? '' };
  };
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return rows.map((r) => ({
    id: r.id,
    mentee: person(r.menteeId),
    mentor: person(r.mentorId),
    platform: r.platform,
    message: r.message,
    state: r.state,
    declineReason: r.declineReason,
    declineNote: r.declineNote,
    alreadyAgreed: r.alreadyAgreed,
    relationshipId: r.relationshipId,
    sentAt: r.sentAt.toISOString(),
    answeredAt: iso(r.answeredAt),
    expiresAt: r.expiresAt.toISOString(),
    closedAt: iso(r.closedAt),
    version: r.version,
  }));
}

export async function myInvitations(
  db: Tx,
  actor: UserActor,
  params: PageParams,
  role?: 'mentee' | 'mentor',
  state?: InvitationRow['state'],
) {
  const page = keyset(
    [
      { expr: invitations.sentAt, dir: 'desc', type: 'timestamptz' },
      { expr: invitations.id, dir: 'desc', type: 'uuid' },
    ],
    params,
  );
  const mine =
    role === 'mentee'
      ? eq(invitations.menteeId, actor.employeeId)
      : role === 'mentor'
        ? eq(invitations.mentorId, actor.employeeId)
        : or(eq(invitations.menteeId, actor.employeeId), eq(invitations.mentorId, actor.employeeId));
  const found = await db
    .select({ i: invitations, key: page.key })
    .from(invitations)
    .where(and(mine, state ? eq(invitations.state, state) : undefined, page.where))
    .orderBy(...page.orderBy)
    .limit(page.fetch);
  const { items, nextCursor } = page.page(
    found,
    (f) => f.key,
    (kept) => kept.map((f) => f.i),
  );
  return { items: await presentInvitations(db, items), nextCursor };
}
