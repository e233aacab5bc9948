import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { pairIn, type Scope } from '../coordination/scope.js';
import type { ReportRange } from './range.js';

/** Guide §XII evaluation areas (1–5) and the would-recommend question (0–10) of the completion survey. */
export const EVALUATION_AREAS = [
  'program_objectives',
  'selection_matching',
  'relationship',
  'training',
  'program_support',
  'would_recommend',
] as const;

export type EvaluationRow = {
  opdiv: string;
  role: 'mentor' | 'mentee';
  area: (typeof EVALUATION_AREAS)[number];
  suppressed: boolean;
  respondents: number | null;
  mean: number | null;
};

/**
 * R-ADMIN-2 survey results in aggregate, by the mentee's OPDIV and role, with "ALL" (every OPDIV in scope) per
 * role. A group with fewer answers than settings.reportMinGroupSize is suppressed in SQL: neither its mean nor its
 * count leaves the database. Roles are never summed together, and when one OPDIV is suppressed the next smallest is
 * too, so no suppressed group can be read back as the difference of shown ones (docs/decisions/0502).
 */
export async function evaluation(
  db: Db,
  scope: Scope,
  range: ReportRange,
  minGroup: number,
): Promise<EvaluationRow[]> {
  const rows = await queryRows<{
    opdiv: string;
    role: EvaluationRow['role'];
    area: EvaluationRow['area'];
    suppressed: boolean;
    respondents: number | null;
    mean: string | null;
  }>(
    db,
    sql`with answers as (
          select me.opdiv, s.role, v.area, v.score
          from completion_surveys s join relationships r on r.id = s.relationship_id
            join employees me on me.id = r.mentee_id join employees mo on mo.id = r.mentor_id
            cross join lateral (values ('program_objectives', s.program_objectives), ('selection_matching', s.selection_matching),
              ('relationship', s.relationship), ('training', s.training), ('program_support', s.program_support),
              ('would_recommend', s.would_recommend)) as v(area, score)
          where s.submitted_at >= ${range.from}::timestamptz and s.submitted_at < ${range.to}::timestamptz and v.score is not null
            and ${pairIn(sql`me.opdiv`, sql`mo.opdiv`, scope)}),
        groups as (
          select coalesce(opdiv, 'ALL') as opdiv, role, area, count(*)::int as n, avg(score) as mean
          from answers group by grouping sets ((opdiv, role, area), (role, area))),
        -- Secondary suppression: "ALL" minus the shown OPDIVs of a (role, area) is the sum of its suppressed ones, so
        -- while that sum is below the minimum, the smallest shown OPDIVs are suppressed too, until it is not.
        marked as (
          select g.*, n < ${minGroup} as primary_cut,
            coalesce(sum(n) filter (where n < ${minGroup}) over (partition by role, area, opdiv = 'ALL'), 0) as hidden,
            coalesce(sum(n) over (partition by role, area, opdiv = 'ALL', n < ${minGroup} order by n, opdiv
              rows between unbounded preceding and 1 preceding), 0) as smaller_shown
          from groups g),
        final as (
          select *, primary_cut or (opdiv <> 'ALL' and hidden > 0 and hidden + smaller_shown < ${minGroup}) as cut from marked)
        select opdiv, role, area, cut as suppressed,
          case when not cut then n end as respondents,
          case when not cut then round(mean, 2) end as mean
        from final order by opdiv = 'ALL', opdiv, role, area`,
  );
  return rows.map((r) => ({ ...r, mean: r.mean === null ? null : Number(r.mean) }));
}
