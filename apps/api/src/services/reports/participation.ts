import { gradeBand, GRADE_BANDS } from '@hhs-mentoring/domain';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { opdivIn, type Scope } from '../coordination/scope.js';
import type { ReportRange } from './range.js';

export type ParticipationRow = {
  dimension: 'opdiv' | 'platform' | 'grade_band' | 'state';
  value: string;
  label: string;
  mentors: number;
  mentees: number;
};
type Raw = {
  opdiv: string | null;
  label: string | null;
  platform: string | null;
  grade_rank: number | null;
  state: string | null;
  mentors: number;
  mentees: number;
};

/**
 * R-ADMIN-2 participation: people with a mentor or mentee application active at some point of the range, by
 * OPDIV, platform, grade band (domain gradeBand over the grade ranks PostgreSQL groups) and duty state.
 */
export async function participation(db: Db, scope: Scope, range: ReportRange): Promise<ParticipationRow[]> {
  const active = sql`a.created_at < ${range.to}::timestamptz and (a.withdrawn_at is null or a.withdrawn_at >= ${range.from}::timestamptz)`;
  const rows = await queryRows<Raw>(
    db,
    sql`with people as (
          select 'mentee' as role, e.id, e.opdiv, a.platform, e.grade_rank, e.state
            from mentee_applications a join employees e on e.id = a.employee_id where ${active} and ${opdivIn(sql`e.opdiv`, scope)}
          union all
          select 'mentor', e.id, e.opdiv, p.platform, e.grade_rank, e.state
            from mentor_applications a join employees e on e.id = a.employee_id cross join lateral unnest(a.platforms) as p(platform)
            where ${active} and ${opdivIn(sql`e.opdiv`, scope)})
        select g.*, o.name as label from (
          select opdiv, platform, grade_rank, state,
            count(distinct id) filter (where role = 'mentor')::int as mentors, count(distinct id) filter (where role = 'mentee')::int as mentees
          from people group by grouping sets ((opdiv), (platform), (grade_rank), (state))) g
        left join opdivs o on o.code = g.opdiv
        order by g.opdiv, g.platform, g.grade_rank, g.state`,
  );
  const out: ParticipationRow[] = [];
  const bands = new Map(GRADE_BANDS.map((b) => [b as string, { mentors: 0, mentees: 0 }]));
  for (const r of rows) {
    if (r.opdiv !== null)
      out.push({
        dimension: 'opdiv',
        value: r.opdiv,
        label: r.label ?? r.opdiv,
        mentors: r.mentors,
        mentees: r.mentees,
      });
    else if (r.platform !== null)
      out.push({
        dimension: 'platform',
        value: r.platform,
        label: r.platform === 's2j' ? 'Senior-to-Junior' : 'Peer-to-Peer',
        mentors: r.mentors,
        mentees: r.mentees,
      });
    else if (r.state !== null)
      out.push({
        dimension: 'state',
        value: r.state,
        label: r.state,
        mentors: r.mentors,
        mentees: r.mentees,
      });
    else if (r.grade_rank !== null) {
      const band = bands.get(gradeBand(Number(r.grade_rank)))!;
      band.mentors += r.mentors;
      band.mentees += r.mentees;
    }
  }
  for (const [band, n] of bands)
    if (n.mentors + n.mentees > 0) out.push({ dimension: 'grade_band', value: band, label: band, ...n });
  const order = ['opdiv', 'platform', 'grade_band', 'state'];
  return out.sort((a, b) => order.indexOf(a.dimension) - order.indexOf(b.dimension));
}
