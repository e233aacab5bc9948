import type { SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { ExportsBusy, openRowCursor, type RowCursor } from '../../../db/export-cursor.js';
import { problems } from '../../../lib/problem.js';
import type { Actor } from '../../accounts/actors.js';
import { requestScope, type Scope } from '../../coordination/scope.js';
import { reportRange } from '../../reports/range.js';
import { currentSettings } from '../../platform/settings.js';
import { participants, relationships, trainingAttendance } from './records.js';
import { SURVEY_SCORE_COLUMNS, surveyAnswers } from './survey-answers.js';

export const EXPORTS = {
  participants: {
    columns: [
      'id',
      'employeeId',
      'role',
      'opdiv',
      'payPlan',
      'grade',
      'occupationSeries',
      'state',
      'platforms',
      'capacity',
      'paused',
      'competencies',
      'appliedAt',
      'withdrawnAt',
      'updatedAt',
    ],
    byIds: true,
  },
  relationships: {
    columns: [
      'id',
      'menteeId',
      'menteeOpdiv',
      'mentorId',
      'mentorOpdiv',
      'platform',
      'state',
      'confirmedAt',
      'orientationAt',
      'orientationWaived',
      'agreementCompletedAt',
      'idpCompletedAt',
      'progressReportMentorAt',
      'progressReportMenteeAt',
      'completionSurveyMentorAt',
      'completionSurveyMenteeAt',
      'terminationRequestedBy',
      'terminationRequestedAt',
      'outcome',
      'endedAt',
      'updatedAt',
    ],
    byIds: true,
  },
  'training-attendance': {
    columns: [
      'id',
      'employeeId',
      'opdiv',
      'eventId',
      'eventKind',
      'eventTitle',
      'competencyCode',
      'lmsCourseId',
      'attendedAt',
      'source',
    ],
    byIds: true,
  },
  'survey-answers': {
    columns: ['quarter', 'menteeOpdiv', 'role', ...SURVEY_SCORE_COLUMNS, 'hiddenAreas'],
    byIds: false,
  },
} as const;
export type ExportName = keyof typeof EXPORTS;
export const EXPORT_NAMES = Object.keys(EXPORTS) as ExportName[];

export type ExportQuery = { opdiv?: string; ids?: string; from?: string; to?: string };
export const EXPORT_IDS_MAX = 100;

/** An export ready to stream: its columns and a cursor over its rows (close it if it is never read). */
export type OpenExport = { name: ExportName; scope: Scope; columns: readonly string[]; cursor: RowCursor };

/**
 * R-EXP-1..4: opens an export for a reporting system (reports:read), the program manager, or a coordinator (their
 * OPDIVs, R-ROLE-2). Refusals happen here, before a byte is sent: a bad scope, ids on an export without ids, too
 * many exports running (429 with Retry-After).
 */
export async function openExport(
  database: Database,
  actor: Actor,
  name: ExportName,
  q: ExportQuery,
  now = new Date(),
): Promise<OpenExport> {
  const scope = requestScope(actor, q.opdiv);
  const ids = q.ids?.split(',').map((id) => id.trim());
  if (ids && !EXPORTS[name].byIds)
    throw problems.badRequest('This export has no record ids to choose by; leave out `ids`.', [
      { field: '/querystring/ids', message: 'not available for this export' },
    ]);
  if (ids && (ids.length > EXPORT_IDS_MAX || ids.some((id) => id === '')))
    throw problems.badRequest(`Name between 1 and ${EXPORT_IDS_MAX} ids, separated by commas.`, [
      { field: '/querystring/ids', message: `1 to ${EXPORT_IDS_MAX} ids` },
    ]);
  let query: SQL;
  if (name === 'survey-answers') {
    const { reportMinGroupSize } = await currentSettings(database.db);
    query = surveyAnswers(scope, reportRange(q, now), reportMinGroupSize);
  } else {
    const build = { participants, relationships, 'training-attendance': trainingAttendance }[name];
    query = build(scope, ids);
  }
  try {
    return { name, scope, columns: EXPORTS[name].columns, cursor: await openRowCursor(database, query) };
  } catch (error) {
    if (error instanceof ExportsBusy)
      throw problems.tooMany(
        'Other exports are running on this server. Try again in a few seconds. (R-EXP-4)',
        5,
      );
    throw error;
  }
}

/** A row as it leaves: timestamps in ISO 8601 UTC, the internal sort key dropped. */
export function presentRow(
  columns: readonly string[],
  row: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    const v = row[c];
    out[c] = v instanceof Date ? v.toISOString() : (v ?? null);
  }
  return out;
}
