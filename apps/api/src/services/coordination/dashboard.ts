import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { LIVE_SQL, OPEN_SQL } from '../../db/states.js';
import type { Scope } from './scope.js';
import {
  baseCtes,
  LONGEST_FIRST,
  pairInScoped,
  unmatchedCte,
  unmatchedJson,
  type UnmatchedRow,
} from './unmatched.js';

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
 * the domain's milestoneDueDates (+1 month orientation/agreement/IDP, +6 progress reports, +12 surveys); open
 * milestones are counted per due date with arithmetic rather than one row each.
 */
export async function dashboard(db: Db, scope: Scope, now = new Date()): Promise<Dashboard> {
  return (await computeDashboard(db, scope, now)).dashboard;
}

/** The dashboard and the snapshot its one statement read (pg_current_snapshot() is the statement's snapshot). */
async function computeDashboard(db: Db, scope: Scope, now: Date) {
  const [row] = await queryRows<{ d: Omit<Dashboard, 'scope' | 'generatedAt'>; snapshot: string }>(
    db,
    sql`select q.d, pg_current_snapshot()::text as snapshot from (${dashboardQuery(scope, now)}) q`,
  );
  return { dashboard: { scope, generatedAt: now.toISOString(), ...row!.d }, snapshot: row!.snapshot };
}

/**
 * How long a computed dashboard may be served while nothing it counts has changed. Its figures that depend only on
 * the clock (days waiting, milestones due in the next 14 days, overdue) can be this much behind; `generatedAt` says
 * when they were computed.
 */
export const DASHBOARD_MAX_AGE_MS = 10_000;
const MAX_ENTRIES = 500;

/**
 * The change-log feeds of every table the dashboard statement reads: employees (scope, names, in program, active),
 * both applications, invitations, relationships (with their milestones), and coordinators' help requests
 * (migrations 0011 and 0016).
 */
export const DASHBOARD_FEEDS = ['employees', 'applications', 'invitations', 'relationships', 'help-requests'];

type Entry = { at: number; snapshot: string; dashboard: Dashboard };
type Cache = { entries: Map<string, Entry>; computing: Map<string, Promise<Entry>> };
const caches = new WeakMap<Db, Cache>();

/**
 * R-ADMIN-1 at the rate a dashboard is read (issue 21, decision 0645): the last computed dashboard of a scope is
 * served again while no transaction its snapshot did not see has changed anything it counts. That is asked of the
 * change log, which every writing transaction fills with its own id (R-API-5): a row of a transaction that had not
 * committed when the dashboard was computed is not visible in the dashboard's snapshot, whether it commits before
 * or after the check, on this replica or another. The check is one index range scan over the changes since the
 * snapshot's oldest running transaction; anything older than DASHBOARD_MAX_AGE_MS is computed again, and requests
 * for a scope being computed wait for that one computation.
 */
export async function cachedDashboard(db: Db, scope: Scope): Promise<Dashboard> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { entries: new Map(), computing: new Map() }));
  const key = scope === null ? '*' : [...scope].sort().join(',');
  const entry = cache.entries.get(key);
  const age = entry ? Date.now() - entry.at : Infinity;
  if (entry && age >= 0 && age < DASHBOARD_MAX_AGE_MS && !(await changedSince(db, entry.snapshot)))
    return entry.dashboard;
  let computing = cache.computing.get(key);
  if (!computing) {
    const now = new Date();
    computing = computeDashboard(db, scope, now)
      .then(({ dashboard, snapshot }) => {
        const fresh = { at: now.getTime(), snapshot, dashboard };
        cache.entries.delete(key);
        cache.entries.set(key, fresh);
        if (cache.entries.size > MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
        return fresh;
      })
      .finally(() => cache.computing.delete(key));
    cache.computing.set(key, computing);
  }
  return (await computing).dashboard;
}

/** Whether a transaction not visible in `snapshot` has written to a table the dashboard reads, and committed. */
async function changedSince(db: Db, snapshot: string): Promise<boolean> {
  const [row] = await queryRows<{ changed: boolean }>(
    db,
    sql`select exists (
          select 1 from change_log
          where feed in ${DASHBOARD_FEEDS}
            and txid >= pg_snapshot_xmin(${snapshot}::pg_snapshot)::text::bigint
            and not pg_visible_in_snapshot(txid::text::xid8, ${snapshot}::pg_snapshot)) as changed`,
  );
  return row!.changed;
}

// Open milestones of a pair sharing one due date (n of them), counted when the date falls in the window / has passed.
const dueBetween = (due: string, n: string, from: Date, to: Date) =>
  sql`case when ${sql.raw(due)} >= ${from}::timestamptz and ${sql.raw(due)} < ${to}::timestamptz then ${sql.raw(n)} else 0 end`;
const overdue = (due: string, n: string, now: Date) =>
  sql`case when ${sql.raw(due)} < ${now}::timestamptz then ${sql.raw(n)} else 0 end`;

export function dashboardQuery(scope: Scope, now: Date): SQL {
  const soon = new Date(now.getTime() + DUE_WINDOW_DAYS * 86_400_000);
  return sql`with ${baseCtes(scope)}, ${unmatchedCte()},
      pairs as materialized (
        select r.id, r.state, r.confirmed_at, r.guidance_at, r.orientation_at, r.agreement_completed_at, r.idp_completed_at,
          r.progress_mentor_at, r.progress_mentee_at, r.survey_mentor_at, r.survey_mentee_at
        from relationships r where r.state in ${LIVE_SQL} and ${pairInScoped(sql`r.mentee_id`, sql`r.mentor_id`, scope)}),
      open_invitations as (
        select i.state, count(*)::int as n from invitations i
          where i.state in ${OPEN_SQL} and ${pairInScoped(sql`i.mentee_id`, sql`i.mentor_id`, scope)} group by i.state),
      milestones as (
        select p.confirmed_at + interval '1 month' as d1,
          (p.orientation_at is null)::int + (p.agreement_completed_at is null)::int + (p.idp_completed_at is null)::int as n1,
          p.confirmed_at + interval '6 months' as d6, (p.progress_mentor_at is null)::int + (p.progress_mentee_at is null)::int as n6,
          p.confirmed_at + interval '12 months' as d12, (p.survey_mentor_at is null)::int + (p.survey_mentee_at is null)::int as n12
        from pairs p)
    select json_build_object(
      'participants', (select json_build_array(
          json_build_object('role', 'mentee', 'platform', 'p2p', 'count', count(*) filter (where role = 'mentee' and platform = 'p2p')),
          json_build_object('role', 'mentee', 'platform', 's2j', 'count', count(*) filter (where role = 'mentee' and platform = 's2j')),
          json_build_object('role', 'mentor', 'platform', 'p2p', 'count', count(*) filter (where role = 'mentor' and 'p2p' = any(platforms))),
          json_build_object('role', 'mentor', 'platform', 's2j', 'count', count(*) filter (where role = 'mentor' and 's2j' = any(platforms))))
        from applicants),
      'unmatched', json_build_object(
        'count', (select count(*) from unmatched),
        'longestWaiting', coalesce(${unmatchedJson(sql`select * from unmatched order by ${LONGEST_FIRST} limit ${LONGEST_WAITING}`, now)}, '[]')),
      'openInvitations', (select json_build_object(
        'pending', coalesce(sum(n) filter (where state = 'pending'), 0), 'accepted', coalesce(sum(n) filter (where state = 'accepted'), 0))
        from open_invitations),
      'livePairs', (select json_build_object(
        'onboarding', count(*) filter (where state = 'onboarding'), 'active', count(*) filter (where state = 'active'),
        'termination_requested', count(*) filter (where state = 'termination_requested')) from pairs),
      'milestones', (select json_build_object(
        'dueNext14Days', coalesce(sum(${dueBetween('d1', 'n1', now, soon)} + ${dueBetween('d6', 'n6', now, soon)} + ${dueBetween('d12', 'n12', now, soon)}), 0),
        'overdue', coalesce(sum(${overdue('d1', 'n1', now)} + ${overdue('d6', 'n6', now)} + ${overdue('d12', 'n12', now)}), 0)) from milestones),
      'terminationRequestsAwaitingGuidance', (select count(*) from pairs where state = 'termination_requested' and guidance_at is null),
      'helpRequests', (select count(*) from coordinator_contact_requests c join pairs p on p.id = c.relationship_id where c.resolved_at is null)
    ) as d`;
}
