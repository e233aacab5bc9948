import type { Db } from '../../db/client.js';
import type { Actor } from '../../plugins/external/auth.js';
import { requestScope, type Scope } from '../coordination/scope.js';
import { currentSettings } from '../settings.js';
import { evaluation } from './evaluation.js';
import { matching } from './matching.js';
import { outcomes } from './outcomes.js';
import { participation } from './participation.js';
import { meta, reportRange, type ReportMeta, type ReportRange } from './range.js';

type Build = (db: Db, scope: Scope, range: ReportRange) => Promise<object[]>;

/** R-ADMIN-2: each report, its CSV columns (the JSON row fields, in order) and how it is computed. */
export const REPORTS: Record<string, { columns: readonly string[]; build: Build }> = {
  participation: { columns: ['dimension', 'value', 'label', 'mentors', 'mentees'], build: participation },
  matching: { columns: ['opdiv', 'applicants', 'matched', 'matchRate', 'relationshipsConfirmed', 'medianDaysToMatch', 'p90DaysToMatch'], build: matching },
  outcomes: { columns: ['opdiv', 'platform', 'confirmed', 'live', 'completed', 'completedEarly', 'terminated', 'completionRate', 'terminationRate'], build: outcomes },
  evaluation: {
    columns: ['opdiv', 'role', 'area', 'suppressed', 'respondents', 'mean'],
    build: async (db, scope, range) => evaluation(db, scope, range, (await currentSettings(db)).reportMinGroupSize),
  },
};
export type ReportName = keyof typeof REPORTS;

/**
 * Coordinators get their OPDIVs (or one of them), the program manager and a system client with reports:read the
 * department (or one OPDIV) — R-ROLE-2, R-API-2.
 */
export async function runReport(db: Db, actor: Actor, name: string, q: { opdiv?: string; from?: string; to?: string }, now = new Date()): Promise<{ meta: ReportMeta; rows: object[] }> {
  const scope = requestScope(actor, q.opdiv);
  const range = reportRange(q, now);
  const rows = await REPORTS[name]!.build(db, scope, range);
  return { meta: meta(name, scope, range, now), rows };
}
