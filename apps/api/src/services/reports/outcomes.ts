import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { pairIn, type Scope } from '../coordination/scope.js';
import { rate, type ReportRange } from './range.js';
import { LIVE_SQL } from '../../db/states.js';

export type OutcomeRow = {
  opdiv: string;
  platform: string;
  confirmed: number;
  live: number;
  completed: number;
  completedEarly: number;
  terminated: number;
  completionRate: number | null;
  terminationRate: number | null;
};

/**
 * R-ADMIN-2 outcomes of the relationships confirmed in the range (a cohort view), by the mentee's OPDIV and
 * platform, with "ALL" totals: how many are still live, completed (R-LIFE-5), completed early (R-END-2, apart; the
 * completion rate counts both) or terminated (R-LIFE-7).
 */
export async function outcomes(db: Db, scope: Scope, range: ReportRange): Promise<OutcomeRow[]> {
  const rows = await queryRows<Omit<OutcomeRow, 'completionRate' | 'terminationRate'>>(
    db,
    sql`select coalesce(me.opdiv, 'ALL') as opdiv, coalesce(r.platform, 'ALL') as platform, count(*)::int as confirmed,
          count(*) filter (where r.state in ${LIVE_SQL})::int as live,
          count(*) filter (where r.state = 'completed' and not r.completed_early)::int as completed,
          count(*) filter (where r.completed_early)::int as "completedEarly",
          count(*) filter (where r.state = 'terminated')::int as terminated
        from relationships r join employees me on me.id = r.mentee_id join employees mo on mo.id = r.mentor_id
        where r.confirmed_at >= ${range.from}::timestamptz and r.confirmed_at < ${range.to}::timestamptz and ${pairIn(sql`me.opdiv`, sql`mo.opdiv`, scope)}
        group by grouping sets ((me.opdiv, r.platform), (me.opdiv), ())
        order by me.opdiv nulls last, r.platform nulls last`,
  );
  const list =
    rows.length > 0
      ? rows
      : [
          {
            opdiv: 'ALL',
            platform: 'ALL',
            confirmed: 0,
            live: 0,
            completed: 0,
            completedEarly: 0,
            terminated: 0,
          },
        ];
  return list.map((r) => ({
    ...r,
    completionRate: rate(r.completed + r.completedEarly, r.confirmed),
    terminationRate: rate(r.terminated, r.confirmed),
  }));
}
