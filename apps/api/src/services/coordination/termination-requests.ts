import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import type { Scope } from './scope.js';
import { pairInScope } from './unmatched.js';

export type TerminationRequestRow = {
  relationshipId: string;
  mentee: { id: string; name: string; opdiv: string };
  mentor: { id: string; name: string; opdiv: string };
  platform: 's2j' | 'p2p';
  confirmedAt: string;
  requestedBy: 'mentor' | 'mentee';
  reason: string;
  requestedAt: string;
  daysWaiting: number;
};

/**
 * R-LIFE-7, the coordinator's queue: termination requests in scope with no guidance recorded yet, oldest first.
 * Guidance and ending are recorded on the relationship itself (the journey's relationship routes).
 */
export async function terminationRequestsAwaitingGuidance(db: Db, scope: Scope, limit: number, offset: number, now = new Date()) {
  const rows = await queryRows<TerminationRequestRow & { total: number }>(
    db,
    sql`with awaiting as (select r.* from relationships r
          where r.state = 'termination_requested' and r.guidance_at is null and ${pairInScope(sql`r.mentee_id`, sql`r.mentor_id`, scope)}),
        page as (select * from awaiting order by termination_requested_at, id limit ${limit} offset ${offset})
        select r.id as "relationshipId", r.platform,
          json_build_object('id', me.id, 'name', me.first_name || ' ' || me.last_name, 'opdiv', me.opdiv) as mentee,
          json_build_object('id', mo.id, 'name', mo.first_name || ' ' || mo.last_name, 'opdiv', mo.opdiv) as mentor,
          to_json(r.confirmed_at) #>> '{}' as "confirmedAt", r.termination_requested_by as "requestedBy",
          coalesce(r.termination_reason, '') as reason, to_json(r.termination_requested_at) #>> '{}' as "requestedAt",
          floor(extract(epoch from (${now}::timestamptz - r.termination_requested_at)) / 86400)::int as "daysWaiting",
          (select count(*) from awaiting)::int as total
        from page r join employees me on me.id = r.mentee_id join employees mo on mo.id = r.mentor_id
        order by r.termination_requested_at, r.id`,
  );
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map(({ total: _total, ...r }) => ({ ...r, confirmedAt: new Date(r.confirmedAt).toISOString(), requestedAt: new Date(r.requestedAt).toISOString() })),
    total,
    limit,
    offset,
  };
}
