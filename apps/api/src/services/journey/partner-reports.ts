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

type ProgressRow = typeof progressReports.$inferSelect;
type SurveyRow = typeof completionSurveys.$inferSelect;
type Stored = {
  relationshipId: string;
  role: PairRole;
  submittedAt: string | null;
  updatedAt: string | null;
  version: number;
};
/** A partner's 6-month progress report as the API answers it (ProgressSchema). */
export type ProgressReport = ProgressInput & Stored & { lastMeetingAt: string | null };
/** R-MEET-5: the meetings the pair recorded as held (up to the report's submission, once it is submitted). */
type Held = { count: number; last: Date | null };
/** A partner's completion survey as the API answers it (SurveySchema). */
export type CompletionSurvey = SurveyInput & Stored;

async function load(
  tx: Tx,
  kind: ReportKind,
  id: string,
  role: PairRole,
  lock = false,
): Promise<ProgressRow | SurveyRow | undefined> {
  const t = TABLES[kind];
  const q = tx
    .select()
    .from(t)
    .where(and(eq(t.relationshipId, id), eq(t.role, role)));
  return (lock ? await q.for('update') : await q)[0];
}

// A report not yet written reads as an empty draft; R-MEET-5: a new progress report starts from the meetings held.
const progressFields = (r: ProgressRow | undefined, meetingsHeld: number): ProgressInput => ({
  meetingsHeld: r?.meetingsHeld ?? meetingsHeld,
  objectivesProgress: r?.objectivesProgress ?? '',
  relationshipRating: r?.relationshipRating ?? null,
  concerns: r?.concerns ?? '',
  wantsCoordinatorContact: r?.wantsCoordinatorContact ?? false,
});
const surveyFields = (r: SurveyRow | undefined): SurveyInput => ({
  programObjectives: r?.programObjectives ?? null,
  selectionMatching: r?.selectionMatching ?? null,
  relationship: r?.relationship ?? null,
  training: r?.training ?? null,
  programSupport: r?.programSupport ?? null,
  comments: r?.comments ?? '',
  wouldRecommend: r?.wouldRecommend ?? null,
});

async function pairMeetings(tx: Tx, id: string, row: ProgressRow | SurveyRow | undefined): Promise<Held> {
  const until = row?.submittedAt ?? undefined;
  return (await heldMeetings(tx, [id], until)).get(id) ?? { count: 0, last: null };
}

function present(
  kind: ReportKind,
  id: string,
  role: PairRole,
  row: ProgressRow | SurveyRow | undefined,
  held: Held = { count: 0, last: null },
): ProgressReport | CompletionSurvey {
  const stored: Stored = {
    relationshipId: id,
    role,
    submittedAt: iso(row?.submittedAt),
    updatedAt: iso(row?.updatedAt),
    version: row?.version ?? 0,
  };
  // load() read the row from TABLES[kind], so its shape is the kind's.
  return kind === 'progress'
    ? {
        ...progressFields(row as ProgressRow | undefined, held.count),
        lastMeetingAt: iso(held.last),
        ...stored,
      }
    : { ...surveyFields(row as SurveyRow | undefined), ...stored };
}

/** R-SEC-1: a progress report or survey is readable by its author and the coordinators, nobody else. */
export function readReport(
  db: Db,
  actor: UserActor,
  kind: 'progress',
  id: string,
  role: PairRole,
  ctx: AuditContext,
): Promise<ProgressReport>;
export function readReport(
  db: Db,
  actor: UserActor,
  kind: 'survey',
  id: string,
  role: PairRole,
  ctx: AuditContext,
): Promise<CompletionSurvey>;
export async function readReport(
  db: Db,
  actor: UserActor,
  kind: ReportKind,
  id: string,
  role: PairRole,
  ctx: AuditContext,
): Promise<ProgressReport | CompletionSurvey> {
  return db.transaction(async (tx) => {
    const a = await relationshipFor(tx, actor, id, ['mentee', 'mentor', 'staff']);
    if (a.viewer !== 'staff' && a.viewer !== role)
      throw problems.forbidden(
        `Only its author and the coordinators may read the ${role}'s ${DOC[kind].replace('_', ' ')}.`,
        'R-SEC-1',
      );
    await auditRead(tx, ctx, a, DOC[kind], [role === 'mentor' ? a.row.mentorId : a.row.menteeId]);
    const row = await load(tx, kind, id, role);
    // R-MEET-5: a new progress report starts from the meetings the pair recorded, and shows the last one.
    return present(kind, id, role, row, kind === 'progress' ? await pairMeetings(tx, id, row) : undefined);
  });
}

/**
 * The author saves a draft, or submits (`submit: true`), which records the milestone through the domain:
 * R-LIFE-4 a report asking for help alerts the coordinators; R-LIFE-5 both surveys in after 12 months completes.
 */
export function saveReport(
  db: Db,
  actor: UserActor,
  kind: 'progress',
  id: string,
  role: PairRole,
  input: ProgressInput & { submit?: boolean },
  version: number,
  ctx: AuditContext,
  appUrl: string,
): Promise<ProgressReport>;
export function saveReport(
  db: Db,
  actor: UserActor,
  kind: 'survey',
  id: string,
  role: PairRole,
  input: SurveyInput & { submit?: boolean },
  version: number,
  ctx: AuditContext,
  appUrl: string,
): Promise<CompletionSurvey>;
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
): Promise<ProgressReport | CompletionSurvey> {
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
    return present(kind, id, role, row, kind === 'progress' ? await pairMeetings(tx, id, row) : undefined);
  });
}
