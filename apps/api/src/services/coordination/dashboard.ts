import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { pairIn, opdivIn, type Scope } from './scope.js';
import { LIVE_SQL, OPEN_SQL, UNMATCHED_JSON, unmatchedCte, type UnmatchedRow } from './unmatched.js';

export const LONGEST_WAITING = 20;
const DUE_WINDOW_DAYS = 14;

type Counts = Record<string, number>;
export type Dashboard = {
  scope: string[] | null;
  generatedAt: string;
  participants: Array<{ role: 'mentor' | 'mentee'; platform: 's2j' | 'p2p'; count: number }>;
  unmatched: { count: number; longestWaiting: UnmatchedRow[] };
  openInvitations: Counts;
  livePairs: Counts;
  milestones: { dueNext14Days: number; overdue: number };
  terminationRequestsAwaitingGuidance: number;
  helpRequests: number;
};

/**
 * R-ADMIN-1 in one statement: every figure is an aggregate computed by PostgreSQL over the scope (R-ROLE-2:
 * people by their own OPDIV, pairs and invitations when either side is in scope). Milestone due dates follow
 * the domain's milestoneDueDates (+1 month orientation/agreement/IDP, +6 progress reports, +12 surveys).
 */
export async function dashboard(db: Db, scope: Scope, now = new Date()): Promise<Dashboard> {
  const pairScope = pairIn(sql`me.opdiv`, sql`mo.opdiv`, scope);
  const soon = new Date(now.getTime() + DUE_WINDOW_DAYS * 86_400_000);
  const [row] = await queryRows<{ d: Omit<Dashboard, 'scope' | 'generatedAt'> }>(
    db,
    sql`with ${unmatchedCte(scope, now)},
      pairs as (
        select r.* from relationships r join employees me on me.id = r.mentee_id join employees mo on mo.id = r.mentor_id
        where r.state in ${LIVE_SQL} and ${pairScope}),
      participants as (
        select 'mentee' as role, a.platform, count(*)::int as n
          from mentee_applications a join employees e on e.id = a.employee_id
          where a.withdrawn_at is null and e.active and ${opdivIn(sql`e.opdiv`, scope)} group by a.platform
        union all
        select 'mentor', p.platform, count(*)::int
          from mentor_applications a join employees e on e.id = a.employee_id cross join lateral unnest(a.platforms) as p(platform)
          where a.withdrawn_at is null and e.active and ${opdivIn(sql`e.opdiv`, scope)} group by p.platform),
      open_invitations as (
        select i.state, count(*)::int as n from invitations i
          join employees me on me.id = i.mentee_id join employees mo on mo.id = i.mentor_id
          where i.state in ${OPEN_SQL} and ${pairScope} group by i.state),
      milestones as (
        select m.due from pairs p cross join lateral (values
          (p.confirmed_at + interval '1 month', p.orientation_at is null),
          (p.confirmed_at + interval '1 month', p.agreement_completed_at is null),
          (p.confirmed_at + interval '1 month', p.idp_completed_at is null),
          (p.confirmed_at + interval '6 months', p.progress_mentor_at is null),
          (p.confirmed_at + interval '6 months', p.progress_mentee_at is null),
          (p.confirmed_at + interval '12 months', p.survey_mentor_at is null),
          (p.confirmed_at + interval '12 months', p.survey_mentee_at is null)) as m(due, open)
        where m.open)
    select json_build_object(
      'participants', coalesce((select json_agg(json_build_object('role', role, 'platform', platform, 'count', n) order by role, platform) from participants), '[]'),
      'unmatched', json_build_object(
        'count', (select count(*) from unmatched),
        'longestWaiting', coalesce((select json_agg(${UNMATCHED_JSON} order by days_waiting desc, mentee_id)
          from (select * from unmatched order by days_waiting desc, mentee_id limit ${LONGEST_WAITING}) w), '[]')),
      'openInvitations', (select json_build_object(
        'pending', coalesce(sum(n) filter (where state = 'pending'), 0), 'accepted', coalesce(sum(n) filter (where state = 'accepted'), 0))
        from open_invitations),
      'livePairs', (select json_build_object(
        'onboarding', count(*) filter (where state = 'onboarding'), 'active', count(*) filter (where state = 'active'),
        'termination_requested', count(*) filter (where state = 'termination_requested')) from pairs),
      'milestones', (select json_build_object(
        'dueNext14Days', count(*) filter (where due >= ${now}::timestamptz and due < ${soon}::timestamptz),
        'overdue', count(*) filter (where due < ${now}::timestamptz)) from milestones),
      'terminationRequestsAwaitingGuidance', (select count(*) from pairs where state = 'termination_requested' and guidance_at is null),
      'helpRequests', (select count(*) from coordinator_contact_requests c join pairs p on p.id = c.relationship_id where c.resolved_at is null)
    ) as d`,
  );
  return { scope, generatedAt: now.toISOString(), ...row!.d };
}
