import { sql, type SQL } from 'drizzle-orm';
import { pairIn, type Scope } from '../../coordination/scope.js';
import type { ReportRange } from '../../reports/range.js';
import { EVALUATION_AREAS } from '../../reports/evaluation.js';

const COLUMN: Record<(typeof EVALUATION_AREAS)[number], string> = {
  program_objectives: 'programObjectives',
  selection_matching: 'selectionMatching',
  relationship: 'relationship',
  training: 'training',
  program_support: 'programSupport',
  would_recommend: 'wouldRecommend',
};
export const SURVEY_SCORE_COLUMNS = EVALUATION_AREAS.map((a) => COLUMN[a]);

/**
 * R-EXP-3: completion-survey answers one row per survey, with R-ADMIN-2 suppression applied per cell as the
 * evaluation report applies it (docs/decisions/0502), within closed calendar quarters:
 * - a group is (quarter, mentee's OPDIV, role); a score is shown only where its (quarter, OPDIV, role, area) cell
 *   has at least `minGroup` answers and survives secondary suppression against the quarter's department total;
 * - a survey none of whose cells is shown is left out, so the rows of a group never number fewer than `minGroup`;
 * - only whole quarters that have ended are exported: a closed quarter's answers never change (a submitted survey
 *   is final), so comparing two exports — two ranges, or today's and yesterday's — reveals whole groups only;
 * - no ids, dates or comments, and rows in an order that says nothing about when they were submitted.
 */
export const surveyAnswers = (scope: Scope, range: ReportRange, minGroup: number): SQL => sql`
  with answers as (
    select s.relationship_id, s.role, me.opdiv,
      to_char(date_trunc('quarter', s.submitted_at, 'UTC'), 'YYYY-"Q"Q') as quarter,
      s.program_objectives, s.selection_matching, s.relationship, s.training, s.program_support, s.would_recommend
    from completion_surveys s join relationships r on r.id = s.relationship_id
      join employees me on me.id = r.mentee_id join employees mo on mo.id = r.mentor_id
    where s.submitted_at is not null
      and date_trunc('quarter', s.submitted_at, 'UTC') >= ${range.from.toISOString()}::timestamptz
      and date_trunc('quarter', s.submitted_at, 'UTC') + interval '3 months' <= least(${range.to.toISOString()}::timestamptz, now())
      and ${pairIn(sql`me.opdiv`, sql`mo.opdiv`, scope)}),
  scores as (
    select a.quarter, a.opdiv, a.role, v.area
    from answers a cross join lateral (values ('program_objectives', a.program_objectives),
      ('selection_matching', a.selection_matching), ('relationship', a.relationship), ('training', a.training),
      ('program_support', a.program_support), ('would_recommend', a.would_recommend)) as v(area, score)
    where v.score is not null),
  groups as (
    select quarter, coalesce(opdiv, 'ALL') as opdiv, role, area, count(*)::int as n
    from scores group by grouping sets ((quarter, opdiv, role, area), (quarter, role, area))),
  marked as (
    select g.*, n < ${minGroup} as primary_cut,
      coalesce(sum(n) filter (where n < ${minGroup}) over (partition by quarter, role, area, opdiv = 'ALL'), 0) as hidden,
      coalesce(sum(n) over (partition by quarter, role, area, opdiv = 'ALL', n < ${minGroup} order by n, opdiv
        rows between unbounded preceding and 1 preceding), 0) as smaller_shown
    from groups g),
  cells as (
    select quarter, opdiv, role, area, primary_cut or (hidden > 0 and hidden + smaller_shown < ${minGroup}) as cut
    from marked where opdiv <> 'ALL'),
  shown as (
    select quarter, opdiv, role,
      ${sql.join(
        EVALUATION_AREAS.map(
          (a) => sql`coalesce(bool_or(area = ${a} and not cut), false) as ${sql.identifier(`show_${a}`)}`,
        ),
        sql`, `,
      )},
      coalesce(string_agg(area, ';' order by area) filter (where cut), '') as hidden
    from cells group by quarter, opdiv, role)
  select md5(a.relationship_id::text || a.role) as export_key, a.quarter, a.opdiv as "menteeOpdiv", a.role,
    ${sql.join(
      EVALUATION_AREAS.map(
        (a) =>
          sql`case when sh.${sql.identifier(`show_${a}`)} then a.${sql.identifier(a)} end as ${sql.identifier(COLUMN[a])}`,
      ),
      sql`, `,
    )},
    sh.hidden as "hiddenAreas"
  from answers a join shown sh on sh.quarter = a.quarter and sh.opdiv = a.opdiv and sh.role = a.role
  where ${sql.join(
    EVALUATION_AREAS.map((a) => sql`sh.${sql.identifier(`show_${a}`)}`),
    sql` or `,
  )}`;
