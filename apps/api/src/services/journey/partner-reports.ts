import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { completionSurveys, progressReports } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import type { AuditContext } from '../platform/audit.js';
import { assertLive, auditRead, auditWrite, expectVersion } from './documents-common.js';
import { heldMeetings } from '../pair-year/meeting-model.js';
import { relationshipFor } from './relationship-access.js';
import { stepRelationship } from './relationship-steps.js';

export type PairRole = 'mentor' | 'mentee';
export type ReportKind = 'progress' | 'survey';
export type ProgressInput = {
  meetingsHeld: number;
  objectivesProgress: string;
  relationshipRating: number | null;
  concerns: string;
  wantsCoordinatorContact: boolean;
};
export type SurveyInput = {
  programObjectives: number | null;
  selectionMatching: number | null;
  relationship: number | null;
  training: number | null;
  programSupport: number | null;
  comments: string;
  wouldRecommend: number | null;
};

const TABLES = { progress: progressReports, survey: completionSurveys } as const;
const DOC = { progress: 'progress_report', survey: 'completion_survey' } as const;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

async function load(tx: Tx, kind: ReportKind, id: string, role: PairRole, lock = false) {
  const t = TABLES[kind];
  const q = tx
    .select()
    .from(t)
    .where(and(eq(t.relationshipId, id), eq(t.role, role)));
  return (lock ? await q.for('update') : await q)[0] as
    (Record<string, unknown> & { version: number; submittedAt: Date | null; authorId: string }) | undefined;
}

function present(
  kind: ReportKind,
  id: string,
  role: PairRole,
  row: Awaited<ReturnType<typeof load>>,
  meetingsHeld = 0,
) {
  const {
    relationshipId: _r,
    role: _o,
    authorId: _a,
    updatedBy: _u,
    version,
    submittedAt,
    updatedAt,
    ...fields
  } = (row ?? {}) as Record<string, unknown>;
  const empty =
    kind === 'progress'
      ? {
          meetingsHeld,
          objectivesProgress: '',
          relationshipRating: null,
          concerns: '',
          wantsCoordinatorContact: false,
        }
      : {
          programObjectives: null,
          selectionMatching: null,
          relationship: null,
          training: null,
          programSupport: null,
          comments: '',
          wouldRecommend: null,
        };
  return {
    relationshipId: id,
    role,
    ...empty,
    ...fields,
    submittedAt: iso(submittedAt as Date | null),
    updatedAt: iso(updatedAt as Date | null),
    version: (version as number | undefined) ?? 0,
  };
}

/** R-SEC-1: a progress report or survey is readable by its author and the coordinators, nobody else. */
export async function readReport(
  db: Db,
  actor: UserActor,
  kind: ReportKind,
  id: string,
  role: PairRole,
  ctx: AuditContext,
) {
  return db.transaction(async (tx) => {
    const a = await relationshipFor(tx, actor, id, ['mentee', 'mentor', 'staff']);
    if (a.viewer !== 'staff' && a.viewer !== role)
      throw problems.forbidden(
        `Only its author and the coordinators may read the ${role}'s ${DOC[kind].replace('_', ' ')} (R-SEC-1).`,
      );
    await auditRead(tx, ctx, a, DOC[kind], [role === 'mentor' ? a.row.mentorId : a.row.menteeId]);
    const row = await load(tx, kind, id, role);
    // R-MEET-5: a new progress report starts from the meetings the pair recorded.
    const held = kind === 'progress' && !row ? ((await heldMeetings(tx, [id])).get(id)?.count ?? 0) : 0;
    return present(kind, id, role, row, held);
  });
}

/**
 * The author saves a draft, or submits (`submit: true`), which records the milestone through the domain:
 * R-LIFE-4 a report asking for help alerts the coordinators; R-LIFE-5 both surveys in after 12 months completes.
 */
export async function saveReport(
  db: Db,
  actor: UserActor,
  kind: ReportKind,
  id: string,
  role: PairRole,
  input: (ProgressInput | SurveyInput) & { submit?: boolean },
  version: number,
  ctx: AuditContext,
  appUrl: string,
) {
  return db.transaction(async (tx) => {
    const a = await relationshipFor(tx, actor, id, ['mentee', 'mentor'], true);
    if (a.viewer !== role)
      throw problems.forbidden(`Only the ${role} writes the ${role}'s ${DOC[kind].replace('_', ' ')}.`);
    assertLive(a);
    const current = await load(tx, kind, id, role, true);
    if (current?.submittedAt)
      throw problems.rule('R-LIFE-8', 'This has been submitted and can no longer change.', 409);
    expectVersion(current?.version, version);
    const { submit, ...fields } = input;
    const now = new Date();
    const t = TABLES[kind];
    const values = {
      ...fields,
      submittedAt: submit ? now : null,
      updatedAt: now,
      updatedBy: actor.employeeId,
    };
    const [row] = current
      ? await tx
          .update(t)
          .set({ ...values, version: sql`${t.version} + 1` })
          .where(and(eq(t.relationshipId, id), eq(t.role, role)))
          .returning()
      : await tx
          .insert(t)
          .values({
            relationshipId: id,
            role,
            authorId: actor.employeeId,
            ...(values as unknown as ProgressInput & SurveyInput),
          })
          .returning();
    if (submit) {
      const event =
        kind === 'progress'
          ? {
              type: 'submit_progress_report' as const,
              role,
              wantsCoordinatorContact: (fields as ProgressInput).wantsCoordinatorContact,
            }
          : { type: 'submit_survey' as const, role };
      await stepRelationship(tx, a.row, event, actor.employeeId, now, appUrl);
    }
    await auditWrite(tx, ctx, a, DOC[kind], submit ? 'submit' : 'save', row!.version);
    return present(kind, id, role, row as Awaited<ReturnType<typeof load>>);
  });
}
