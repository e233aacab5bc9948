import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { idps, type IdpActivity, type IdpObjective } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import type { AuditContext } from '../platform/audit.js';
import { notify } from '../platform/notifications.js';
import { assertLive, auditRead, auditWrite, expectVersion } from './documents-common.js';
import { fullName } from './people.js';
import { relationshipAccess, relationshipFor, type RelationshipAccess } from './relationship-access.js';
import { stepRelationship } from './relationship-steps.js';

type Row = typeof idps.$inferSelect;
export type IdpInput = {
  strengths: string;
  developmentalNeeds: string[];
  objectives: IdpObjective[];
  activities: IdpActivity[];
  reviewDates: string[];
};
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function present(relationshipId: string, row: Row | undefined, completedAt: Date | null) {
  return {
    relationshipId,
    strengths: row?.strengths ?? '',
    developmentalNeeds: row?.developmentalNeeds ?? [],
    objectives: row?.objectives ?? [],
    activities: row?.activities ?? [],
    reviewDates: row?.reviewDates ?? [],
    supervisorInput: row?.supervisorInput ?? null,
    supervisorInputAt: iso(row?.supervisorInputAt),
    sharedWithSupervisorAt: iso(row?.sharedWithSupervisorAt),
    completedAt: iso(completedAt),
    version: row?.version ?? 0,
    updatedAt: iso(row?.updatedAt),
  };
}
const load = async (db: Tx, id: string, lock = false) => {
  const q = db.select().from(idps).where(eq(idps.relationshipId, id));
  return (lock ? await q.for('update') : await q)[0];
};

/** R-SEC-1: the mentee's supervisor reaches the IDP only once it is shared with them; else it does not exist for them. */
async function supervisorAccess(
  tx: Tx,
  actor: UserActor,
  id: string,
  lock = false,
): Promise<{ a: RelationshipAccess; row: Row }> {
  const a = await relationshipAccess(tx, actor, id, lock);
  const row = await load(tx, id, lock);
  if (
    a.viewer !== 'supervisor' ||
    !row?.sharedWithSupervisorAt ||
    row.sharedSupervisorId !== actor.employeeId
  )
    throw problems.notFound('That IDP');
  return { a, row };
}

export async function readIdp(db: Db, actor: UserActor, id: string, ctx: AuditContext) {
  return db.transaction(async (tx) => {
    const access = await relationshipAccess(tx, actor, id);
    const a =
      access.viewer === 'supervisor'
        ? (await supervisorAccess(tx, actor, id)).a
        : await relationshipFor(tx, actor, id, ['mentee', 'mentor', 'staff']);
    await auditRead(tx, ctx, a, 'idp', [a.row.menteeId, a.row.mentorId]);
    return present(id, await load(tx, id), a.row.idpAt);
  });
}

export async function saveIdp(
  db: Db,
  actor: UserActor,
  id: string,
  input: IdpInput,
  version: number,
  ctx: AuditContext,
) {
  return db.transaction(async (tx) => {
    const a = await relationshipFor(tx, actor, id, ['mentee', 'mentor'], true);
    assertLive(a);
    const current = await load(tx, id, true);
    expectVersion(current?.version, version);
    const now = new Date();
    const [row] = current
      ? await tx
          .update(idps)
          .set({ ...input, updatedAt: now, updatedBy: actor.employeeId, version: sql`${idps.version} + 1` })
          .where(and(eq(idps.relationshipId, id), eq(idps.version, version)))
          .returning()
      : await tx
          .insert(idps)
          .values({ relationshipId: id, ...input, updatedAt: now, updatedBy: actor.employeeId })
          .returning();
    await auditWrite(tx, ctx, a, 'idp', 'save', row!.version);
    return present(id, row, a.row.idpAt);
  });
}

/** The mentee shares the IDP with their supervisor of record, who is notified. */
export async function shareIdp(db: Db, actor: UserActor, id: string, ctx: AuditContext, appUrl: string) {
  return db.transaction(async (tx) => {
    const a = await relationshipFor(tx, actor, id, ['mentee'], true);
    const current = await load(tx, id, true);
    if (!current) throw problems.rule('R-LIFE-3', 'Write the IDP before sharing it.', 409);
    const supervisorId = a.mentee.supervisorId;
    if (!supervisorId)
      throw problems.rule(
        'R-LIFE-3',
        'The directory names no supervisor for you, so the IDP cannot be shared.',
        409,
      );
    const now = new Date();
    const [row] = await tx
      .update(idps)
      .set({
        sharedWithSupervisorAt: now,
        sharedSupervisorId: supervisorId,
        updatedAt: now,
        version: sql`${idps.version} + 1`,
      })
      .where(eq(idps.relationshipId, id))
      .returning();
    await notify(
      tx,
      {
        to: supervisorId,
        kind: 'idp.shared',
        title: `${fullName(a.mentee)} shared an IDP with you`,
        body: `${fullName(a.mentee)} shared their Individual Development Plan from the mentoring program. You can read it and add your input.`,
        link: `/relationships/${id}/idp`,
      },
      appUrl,
    );
    await auditWrite(tx, ctx, a, 'idp', 'share', row!.version);
    return present(id, row, a.row.idpAt);
  });
}

export async function saveSupervisorInput(
  db: Db,
  actor: UserActor,
  id: string,
  input: string,
  version: number,
  ctx: AuditContext,
) {
  return db.transaction(async (tx) => {
    const { a, row: current } = await supervisorAccess(tx, actor, id, true);
    assertLive(a);
    expectVersion(current.version, version);
    const now = new Date();
    const [row] = await tx
      .update(idps)
      .set({
        supervisorInput: input,
        supervisorInputBy: actor.employeeId,
        supervisorInputAt: now,
        updatedAt: now,
        updatedBy: actor.employeeId,
        version: sql`${idps.version} + 1`,
      })
      .where(and(eq(idps.relationshipId, id), eq(idps.version, version)))
      .returning();
    await auditWrite(tx, ctx, a, 'idp', 'supervisor_input', row!.version);
    return present(id, row, a.row.idpAt);
  });
}

/** R-LIFE-3: the mentee marks the IDP complete; the coordinators are alerted. */
export async function completeIdp(db: Db, actor: UserActor, id: string, ctx: AuditContext, appUrl: string) {
  return db.transaction(async (tx) => {
    const a = await relationshipFor(tx, actor, id, ['mentee'], true);
    const current = await load(tx, id);
    if (!current || current.objectives.length === 0)
      throw problems.rule('R-LIFE-3', 'The IDP needs at least one objective before it is complete.', 409);
    const next = await stepRelationship(
      tx,
      a.row,
      { type: 'complete_idp' },
      actor.employeeId,
      new Date(),
      appUrl,
    );
    await auditWrite(tx, ctx, a, 'idp', 'complete', current.version);
    return present(id, current, next.idpAt);
  });
}
