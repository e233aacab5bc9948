import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { agreements } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import type { AuditContext } from '../platform/audit.js';
import { assertLive, auditRead, auditWrite, expectVersion } from './documents-common.js';
import { fullName } from './people.js';
import { relationshipFor } from './relationship-access.js';
import { stepRelationship } from './relationship-steps.js';

type Row = typeof agreements.$inferSelect;
export type AgreementInput = Pick<
  Row,
  | 'goals'
  | 'meetingFrequency'
  | 'meetingLength'
  | 'communicationMethods'
  | 'confidentiality'
  | 'boundaries'
  | 'noFaultTermination'
> &
  Partial<Pick<Row, 'cadence' | 'usualMode'>>;
const FIELDS = [
  'goals',
  'meetingFrequency',
  'meetingLength',
  'communicationMethods',
  'confidentiality',
  'boundaries',
  'noFaultTermination',
  'cadence',
  'usualMode',
] as const;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function present(relationshipId: string, row: Row | undefined, completedAt: Date | null) {
  return {
    relationshipId,
    goals: row?.goals ?? '',
    meetingFrequency: row?.meetingFrequency ?? '',
    meetingLength: row?.meetingLength ?? '',
    communicationMethods: row?.communicationMethods ?? [],
    confidentiality: row?.confidentiality ?? '',
    boundaries: row?.boundaries ?? '',
    noFaultTermination: row?.noFaultTermination ?? false,
    cadence: row?.cadence ?? null,
    usualMode: row?.usualMode ?? null,
    mentorSignature: row?.mentorSignature ?? null,
    mentorSignedAt: iso(row?.mentorSignedAt ?? null),
    menteeSignature: row?.menteeSignature ?? null,
    menteeSignedAt: iso(row?.menteeSignedAt ?? null),
    completedAt: iso(completedAt),
    version: row?.version ?? 0,
    updatedAt: iso(row?.updatedAt ?? null),
  };
}
const load = async (db: Tx, id: string, lock = false) => {
  const q = db.select().from(agreements).where(eq(agreements.relationshipId, id));
  return (lock ? await q.for('update') : await q)[0];
};

/** R-SEC-1: the pair and their coordinators; a coordinator's read is audited (R-ADMIN-3). */
export async function readAgreement(db: Db, actor: UserActor, id: string, ctx: AuditContext) {
  return db.transaction(async (tx) => {
    const a = await relationshipFor(tx, actor, id, ['mentee', 'mentor', 'staff']);
    await auditRead(tx, ctx, a, 'agreement', [a.row.menteeId, a.row.mentorId]);
    return present(id, await load(tx, id), a.row.agreementAt);
  });
}

/** Both partners edit; a change to the text clears signatures (they signed another text). */
export async function saveAgreement(
  db: Db,
  actor: UserActor,
  id: string,
  given: AgreementInput,
  version: number,
  ctx: AuditContext,
) {
  return db.transaction(async (tx) => {
    const a = await relationshipFor(tx, actor, id, ['mentee', 'mentor'], true);
    assertLive(a);
    if (a.row.agreementAt)
      throw problems.rule('R-LIFE-2', 'The agreement is complete and can no longer change.', 409);
    const current = await load(tx, id, true);
    expectVersion(current?.version, version);
    const input = {
      ...given,
      cadence: given.cadence === undefined ? (current?.cadence ?? null) : given.cadence,
      usualMode: given.usualMode === undefined ? (current?.usualMode ?? null) : given.usualMode,
    };
    const changed = !current || FIELDS.some((f) => JSON.stringify(current[f]) !== JSON.stringify(input[f]));
    const unsign = changed
      ? { mentorSignature: null, mentorSignedAt: null, menteeSignature: null, menteeSignedAt: null }
      : {};
    const now = new Date();
    const [row] = current
      ? await tx
          .update(agreements)
          .set({
            ...input,
            ...unsign,
            updatedAt: now,
            updatedBy: actor.employeeId,
            version: sql`${agreements.version} + 1`,
          })
          .where(and(eq(agreements.relationshipId, id), eq(agreements.version, version)))
          .returning()
      : await tx
          .insert(agreements)
          .values({ relationshipId: id, ...input, updatedAt: now, updatedBy: actor.employeeId })
          .returning();
    await auditWrite(tx, ctx, a, 'agreement', 'save', row!.version);
    return present(id, row, null);
  });
}

export async function signAgreement(
  db: Db,
  actor: UserActor,
  id: string,
  version: number,
  ctx: AuditContext,
) {
  return db.transaction(async (tx) => {
    const a = await relationshipFor(tx, actor, id, ['mentee', 'mentor'], true);
    assertLive(a);
    const current = await load(tx, id, true);
    if (!current) throw problems.rule('R-LIFE-2', 'Write the agreement before signing it.', 409);
    expectVersion(current.version, version);
    const me = a.viewer === 'mentor' ? a.mentor : a.mentee;
    const now = new Date();
    const signature =
      a.viewer === 'mentor'
        ? { mentorSignature: fullName(me), mentorSignedAt: now }
        : { menteeSignature: fullName(me), menteeSignedAt: now };
    const [row] = await tx
      .update(agreements)
      .set({
        ...signature,
        updatedAt: now,
        updatedBy: actor.employeeId,
        version: sql`${agreements.version} + 1`,
      })
      .where(eq(agreements.relationshipId, id))
      .returning();
    await auditWrite(tx, ctx, a, 'agreement', 'sign', row!.version);
    return present(id, row, a.row.agreementAt);
  });
}

/** R-LIFE-2: the mentee marks the signed agreement complete; the coordinators are alerted. */
export async function completeAgreement(
  db: Db,
  actor: UserActor,
  id: string,
  ctx: AuditContext,
  appUrl: string,
) {
  return db.transaction(async (tx) => {
    const a = await relationshipFor(tx, actor, id, ['mentee'], true);
    const current = await load(tx, id);
    if (!current?.mentorSignedAt || !current.menteeSignedAt)
      throw problems.rule('R-LIFE-2', 'Both partners must sign the agreement before it is complete.', 409);
    const next = await stepRelationship(
      tx,
      a.row,
      { type: 'complete_agreement' },
      actor.employeeId,
      new Date(),
      appUrl,
    );
    await auditWrite(tx, ctx, a, 'agreement', 'complete', current.version);
    return present(id, current, next.agreementAt);
  });
}
