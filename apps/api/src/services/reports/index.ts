import type { Db } from '../../db/client.js';
import type { Actor } from '../accounts/actors.js';
import { requestScope, type Scope } from '../coordination/scope.js';
import { currentSettings } from '../platform/settings.js';
import { evaluation } from './evaluation.js';
import { matching } from './matching.js';
import { outcomes } from './outcomes.js';
import { participation } from './participation.js';
import { meta, reportRange, type ReportMeta, type ReportRange } from './range.js';

type Build = (db: Db, scope: Scope, range: ReportRange) => Promise<object[]>;

/**
 * R-ADMIN-2: each report, its CSV columns (the JSON row fields, in order), the columns in words for a person's
 * download (header=words; docs/api.md lists the keys), and how it is computed.
 */
export const REPORTS: Record<
  string,
  { columns: readonly string[]; headers: Readonly<Record<string, string>>; build: Build }
> = {
  participation: {
    columns: ['dimension', 'value', 'label', 'mentors', 'mentees'],
    headers: {
      dimension: 'Grouped by',
      value: 'Group code',
      label: 'Group',
      mentors: 'Mentors',
      mentees: 'Mentees',
    },
    build: participation,
  },
  matching: {
    columns: [
      'opdiv',
      'applicants',
      'matched',
      'matchRate',
      'relationshipsConfirmed',
      'medianDaysToMatch',
      'p90DaysToMatch',
    ],
    headers: {
      opdiv: 'Operating division',
      applicants: 'Mentees who applied',
      matched: 'Matched',
      matchRate: 'Share matched (0 to 1)',
      relationshipsConfirmed: 'Relationships confirmed',
      medianDaysToMatch: 'Median days to a match',
      p90DaysToMatch: 'Days within which 9 in 10 were matched',
    },
    build: matching,
  },
  outcomes: {
    columns: [
      'opdiv',
      'platform',
      'confirmed',
      'live',
      'completed',
      'completedEarly',
      'terminated',
      'completionRate',
      'terminationRate',
    ],
    headers: {
      opdiv: 'Operating division',
      platform: 'Platform',
      confirmed: 'Relationships confirmed',
      live: 'Still under way',
      completed: 'Completed the full year',
      completedEarly: 'Completed early, goals met',
      terminated: 'Ended before completion',
      completionRate: 'Share completed, full year or early (0 to 1)',
      terminationRate: 'Share ended before completion (0 to 1)',
    },
    build: outcomes,
  },
  evaluation: {
    columns: ['opdiv', 'role', 'area', 'suppressed', 'respondents', 'mean'],
    headers: {
      opdiv: 'Operating division',
      role: 'Answered by',
      area: 'Question',
      suppressed: 'Hidden (too few answers)',
      respondents: 'People who answered',
      mean: 'Average score',
    },
    build: async (db, scope, range) =>
      evaluation(db, scope, range, (await currentSettings(db)).reportMinGroupSize),
  },
};
export type ReportName = keyof typeof REPORTS;

/**
 * Coordinators get their OPDIVs (or one of them), the program manager and a system client with reports:read the
 * department (or one OPDIV) — R-ROLE-2, R-API-2.
 */
export async function runReport(
  db: Db,
  actor: Actor,
  name: string,
  q: { opdiv?: string; from?: string; to?: string },
  now = new Date(),
): Promise<{ meta: ReportMeta; rows: object[] }> {
  const scope = requestScope(actor, q.opdiv);
  const range = reportRange(q, now);
  const rows = await REPORTS[name]!.build(db, scope, range);
  return { meta: meta(name, scope, range, now), rows };
}
