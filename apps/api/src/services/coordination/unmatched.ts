import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { opdivIn, type Scope } from './scope.js';

export const LIVE_SQL = sql.raw(`('onboarding', 'active', 'termination_requested')`);
export const OPEN_SQL = sql.raw(`('pending', 'accepted')`);

/**
 * R-ADMIN-1: mentees in scope with an active application and no live relationship. They have waited since they
 * applied, or since their last relationship ended if that is later.
 */
export function unmatchedCte(scope: Scope, now: Date): SQL {
  return sql`unmatched as (
    select a.employee_id as mentee_id, e.first_name || ' ' || e.last_name as name, e.opdiv, a.platform,
      floor(extract(epoch from (${now}::timestamptz - greatest(a.created_at,
        coalesce((select max(r.ended_at) from relationships r where r.mentee_id = a.employee_id), a.created_at)))) / 86400)::int as days_waiting,
      (select count(*) from invitations i where i.mentee_id = a.employee_id and i.state in ${OPEN_SQL})::int as open_invitations
    from mentee_applications a join employees e on e.id = a.employee_id
    where a.withdrawn_at is null and e.active and ${opdivIn(sql`e.opdiv`, scope)}
      and not exists (select 1 from relationships r where r.mentee_id = a.employee_id and r.state in ${LIVE_SQL})
  )`;
}

export type UnmatchedRow = { menteeId: string; name: string; opdiv: string; platform: 's2j' | 'p2p'; daysWaiting: number; openInvitations: number };
export const UNMATCHED_JSON = sql.raw(`json_build_object('menteeId', mentee_id, 'name', name, 'opdiv', opdiv, 'platform', platform,
  'daysWaiting', days_waiting, 'openInvitations', open_invitations)`);

/** The unmatched queue, longest waiting first. */
export async function unmatchedQueue(db: Db, scope: Scope, limit: number, offset: number, now = new Date()) {
  const [row] = await queryRows<{ total: number; items: UnmatchedRow[] | null }>(
    db,
    sql`with ${unmatchedCte(scope, now)}, page as (
          select * from unmatched order by days_waiting desc, mentee_id limit ${limit} offset ${offset})
        select (select count(*) from unmatched)::int as total,
          (select json_agg(${UNMATCHED_JSON} order by days_waiting desc, mentee_id) from page) as items`,
  );
  return { items: row?.items ?? [], total: Number(row?.total ?? 0), limit, offset };
}
