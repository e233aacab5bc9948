import { sql } from 'drizzle-orm';
import { keyset, type PageParams } from '../../lib/pagination.js';
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
export async function terminationRequestsAwaitingGuidance(
  db: Db,
  scope: Scope,
  params: PageParams,
  now = new Date(),
) {
  const page = keyset(
    [
      { expr: sql.raw('termination_requested_at'), dir: 'asc', type: 'timestamptz' },
      { expr: sql.raw('id'), dir: 'asc', type: 'uuid' },
    ],
    params,
  );
  const rows = await queryRows<TerminationRequestRow & { total: number; k: string[] }>(
    db,
    sql`with awaiting as (select r.* from relationships r
          where r.state = 'termination_requested' and r.guidance_at is null and ${pairInScope(sql`r.mentee_id`, sql`r.mentor_id`, scope)}),
        page as (select *, ${page.key} as k from awaiting where ${page.where ?? sql`true`} order by ${page.orderSql} limit ${page.fetch})
        select r.id as "relationshipId", r.platform,
          json_build_object('id', me.id, 'name', me.first_name || ' ' || me.last_name, 'opdiv', me.opdiv) as mentee,
          json_build_object('id', mo.id, 'name', mo.first_name || ' ' || mo.last_name, 'opdiv', mo.opdiv) as mentor,
          to_json(r.confirmed_at) #>> '{}' as "confirmedAt", r.termination_requested_by as "requestedBy",
          coalesce(r.termination_reason, '') as reason, to_json(r.termination_requested_at) #>> '{}' as "requestedAt",
          floor(extract(epoch from (${now}::timestamptz - r.termination_requested_at)) / 86400)::int as "daysWaiting",
          (select count(*) from awaiting)::int as total, r.k
        from page r join employees me on me.id = r.mentee_id join employees mo on mo.id = r.mentor_id
        order by r.termination_requested_at, r.id`,
  );
  const total = rows[0]?.total ?? 0;
  const present = (kept: typeof rows) =>
    kept.map(({ total: _total, k: _k, ...r }) => ({
      ...r,
      confirmedAt: new Date(r.confirmedAt).toISOString(),
      requestedAt: new Date(r.requestedAt).toISOString(),
    }));
  return { ...page.page(rows, (r) => r.k, present), total };
}
