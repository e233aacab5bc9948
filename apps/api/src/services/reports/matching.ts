import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { opdivIn, pairIn, type Scope } from '../coordination/scope.js';
import { rate, round1, type ReportRange } from './range.js';

export type MatchingRow = {
  opdiv: string;
  applicants: number;
  matched: number;
  matchRate: number | null;
  relationshipsConfirmed: number;
  medianDaysToMatch: number | null;
  p90DaysToMatch: number | null;
};
type Raw = {
  opdiv: string;
  applicants: number | null;
  matched: number | null;
  confirmed: number | null;
  median: number | null;
  p90: number | null;
};

/**
 * R-ADMIN-2 matching, by the mentee's OPDIV and in all ("ALL"): match rate = mentees who applied in the range and
 * have since been confirmed in a relationship; time to match = days from the mentee's application to the
 * confirmation, for relationships confirmed in the range (median and p90 by percentile_cont).
 */
export async function matching(db: Db, scope: Scope, range: ReportRange): Promise<MatchingRow[]> {
  const rows = await queryRows<Raw>(
    db,
    sql`with apps as (
          select e.opdiv, exists (select 1 from relationships r where r.mentee_id = a.employee_id and r.confirmed_at >= a.created_at) as matched
          from mentee_applications a join employees e on e.id = a.employee_id
          where a.created_at >= ${range.from}::timestamptz and a.created_at < ${range.to}::timestamptz and ${opdivIn(sql`e.opdiv`, scope)}),
        waits as (
          select me.opdiv, greatest(0, extract(epoch from (r.confirmed_at - a.created_at)) / 86400) as days
          from relationships r join employees me on me.id = r.mentee_id join employees mo on mo.id = r.mentor_id
            join mentee_applications a on a.employee_id = r.mentee_id
          where r.confirmed_at >= ${range.from}::timestamptz and r.confirmed_at < ${range.to}::timestamptz and ${pairIn(sql`me.opdiv`, sql`mo.opdiv`, scope)}),
        a as (select coalesce(opdiv, 'ALL') as opdiv, count(*)::int as applicants, count(*) filter (where matched)::int as matched
          from apps group by grouping sets ((opdiv), ())),
        w as (select coalesce(opdiv, 'ALL') as opdiv, count(*)::int as confirmed,
            percentile_cont(0.5) within group (order by days) as median, percentile_cont(0.9) within group (order by days) as p90
          from waits group by grouping sets ((opdiv), ()))
        select coalesce(a.opdiv, w.opdiv) as opdiv, a.applicants, a.matched, w.confirmed, w.median, w.p90
        from a full join w on w.opdiv = a.opdiv
        order by coalesce(a.opdiv, w.opdiv) = 'ALL', 1`,
  );
  const all = rows.some((r) => r.opdiv === 'ALL')
    ? rows
    : [...rows, { opdiv: 'ALL', applicants: 0, matched: 0, confirmed: 0, median: null, p90: null }];
  return all.map((r) => ({
    opdiv: r.opdiv,
    applicants: r.applicants ?? 0,
    matched: r.matched ?? 0,
    matchRate: rate(r.matched ?? 0, r.applicants ?? 0),
    relationshipsConfirmed: r.confirmed ?? 0,
    medianDaysToMatch: round1(r.median === null ? null : Number(r.median)),
    p90DaysToMatch: round1(r.p90 === null ? null : Number(r.p90)),
  }));
}
