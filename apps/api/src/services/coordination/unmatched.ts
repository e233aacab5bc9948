import { sql, type SQL } from 'drizzle-orm';
import { encodeCursor, keyset, type PageParams } from '../../lib/pagination.js';
import { queryRows, type Db } from '../../db/client.js';
import { LIVE_SQL, OPEN_SQL } from '../../db/states.js';
import { opdivIn, type Scope } from './scope.js';

/**
 * The CTEs every coordinator figure starts from, each read once per statement: "scoped" (the ids of the employees in
 * scope, only when there is a scope) and "applicants" (active applications of active people in scope). Neither scans
 * the 90,000-row directory: the scope comes from a partial index on (opdiv, id) of program people, and inactive people from a partial index of
 * the few inactive ones. A materialized CTE is computed once and read by every later part; NOT IN over a small set
 * is planned as one hashed subplan (docs/decisions/0500).
 */
/**
 * "scoped": the ids of the program people in scope (employees.in_program: everyone who applied, was invited or was
 * in a relationship, kept by triggers; decision 0504), with its trailing comma; nothing for the department.
 */
export const scopedCte = (scope: Scope): SQL =>
  scope === null
    ? sql``
    : sql`scoped as materialized (select id from employees where in_program and ${opdivIn(sql`opdiv`, scope)}),`;

export function baseCtes(scope: Scope): SQL {
  return sql`${scopedCte(scope)}
    applicants as materialized (
      select x.role, x.employee_id, x.platform, x.platforms, x.created_at
      from (select 'mentee' as role, employee_id, platform, null::text[] as platforms, created_at from mentee_applications where withdrawn_at is null
            union all
            select 'mentor', employee_id, null, platforms, null from mentor_applications where withdrawn_at is null) x
      where ${scope === null ? sql`true` : sql`x.employee_id in (select id from scoped)`}
        and x.employee_id not in (select id from employees where not active))`;
}

/** R-ROLE-2 for a pair or an invitation: either side in scope, against the hashed "scoped" CTE (many rows). */
export const pairInScoped = (menteeId: SQL, mentorId: SQL, scope: Scope): SQL =>
  scope === null
    ? sql`true`
    : sql`(${menteeId} in (select id from scoped) or ${mentorId} in (select id from scoped))`;

/** The same by probing the two people by id, without a CTE: cheaper for a few rows (one queue's). */
export const pairInScope = (menteeId: SQL, mentorId: SQL, scope: Scope): SQL =>
  scope === null
    ? sql`true`
    : sql`exists (select 1 from employees s where s.id in (${menteeId}, ${mentorId}) and ${opdivIn(sql`s.opdiv`, scope)})`;

/**
 * R-ADMIN-1: mentees in scope with an active application and no live relationship (needs baseCtes). They have
 * waited since they applied, or since their last relationship ended if that is later.
 */
export function unmatchedCte(): SQL {
  return sql`unmatched as (
    select a.employee_id as mentee_id, a.platform, greatest(a.created_at, coalesce(ended.at, a.created_at)) as waiting_since,
      coalesce(open.n, 0)::int as open_invitations
    from applicants a
      left join (select mentee_id, max(ended_at) as at from relationships group by mentee_id) ended on ended.mentee_id = a.employee_id
      left join (select mentee_id, count(*) as n from invitations where state in ${OPEN_SQL} group by mentee_id) open on open.mentee_id = a.employee_id
    where a.role = 'mentee'
      and a.employee_id not in (select mentee_id from relationships where state in ${LIVE_SQL}))`;
}

/** Longest waiting first: the oldest "waiting since", then by id. */
export const LONGEST_FIRST = sql.raw('waiting_since, mentee_id');

export type UnmatchedRow = {
  menteeId: string;
  name: string;
  opdiv: string;
  platform: 's2j' | 'p2p';
  daysWaiting: number;
  openInvitations: number;
};

/** JSON of unmatched rows (alias u); names and days waiting are computed only for the rows shown. */
export const unmatchedJson = (
  rows: SQL,
  now: Date,
) => sql`(select json_agg(json_build_object('menteeId', u.mentee_id,
    'name', e.first_name || ' ' || e.last_name, 'opdiv', e.opdiv, 'platform', u.platform,
    'daysWaiting', floor(extract(epoch from (${now}::timestamptz - u.waiting_since)) / 86400)::int,
    'openInvitations', u.open_invitations) order by u.waiting_since, u.mentee_id)
  from (${rows}) u join employees e on e.id = u.mentee_id)`;

/** The unmatched queue, longest waiting first. */
export async function unmatchedQueue(db: Db, scope: Scope, params: PageParams, now = new Date()) {
  const page = keyset(
    [
      { expr: sql.raw('waiting_since'), dir: 'asc', type: 'timestamptz' },
      { expr: sql.raw('mentee_id'), dir: 'asc', type: 'text' },
    ],
    params,
  );
  const [row] = await queryRows<{
    total: number;
    items: UnmatchedRow[] | null;
    lastKey: string[] | null;
    fetched: number;
  }>(
    db,
    sql`with ${baseCtes(scope)}, ${unmatchedCte()},
        pg as (select *, ${page.key} as k from unmatched where ${page.where ?? sql`true`} order by ${page.orderSql} limit ${page.fetch})
        select (select count(*) from unmatched)::int as total,
          ${unmatchedJson(sql`select * from pg order by ${LONGEST_FIRST} limit ${page.limit}`, now)} as items,
          (select k from pg order by ${LONGEST_FIRST} offset ${page.limit - 1} limit 1) as "lastKey",
          (select count(*) from pg)::int as fetched`,
  );
  const more = Number(row?.fetched ?? 0) > page.limit && row?.lastKey;
  return {
    items: row?.items ?? [],
    total: Number(row?.total ?? 0),
    nextCursor: more ? encodeCursor(row.lastKey!) : null,
  };
}
