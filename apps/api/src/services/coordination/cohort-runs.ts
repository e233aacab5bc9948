import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { keyset, type PageParams, type PageResult } from '../../lib/pagination.js';
import type { UserActor } from '../accounts/actors.js';
import type { CohortRun } from '../../schemas/cohort-runs.js';

type Raw = Omit<CohortRun, 'createdAt' | 'lastApprovedAt' | 'opdivs'> & {
  opdivs: string[];
  createdAt: Date | string;
  lastApprovedAt: Date | string | null;
};
const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * R-MATCH-4 run history: the cohort proposals the person may read (a coordinator: those wholly inside their OPDIVs,
 * as proposalFor allows; the program manager: all), newest first and paged over every run (R-API-4), with what
 * became of their pairs.
 */
export async function cohortRuns(
  db: Db,
  actor: UserActor,
  params: PageParams,
): Promise<PageResult<CohortRun>> {
  const visible = actor.isProgramManager
    ? sql`true`
    : sql`cardinality(p.opdivs) > 0 and p.opdivs <@ ${`{${actor.coordinatorOpdivs.join(',')}}`}::text[]`;
  const page = keyset(
    [
      { expr: sql`p.created_at`, dir: 'desc', type: 'timestamptz' },
      { expr: sql`p.id`, dir: 'desc', type: 'uuid' },
    ],
    params,
  );
  const rows = await queryRows<Raw & { key: string[] }>(
    db,
    sql`
    select p.id, ${page.key} as key, p.opdivs, p.created_at as "createdAt", p.mentee_count as "menteeCount",
      coalesce(c.first_name || ' ' || c.last_name, 'Someone no longer in the directory') as "createdBy",
      count(pp.id)::int as pairs,
      count(pp.id) filter (where pp.status = 'invited')::int as invited,
      count(pp.id) filter (where pp.status = 'suggested')::int as suggested,
      count(pp.id) filter (where pp.status = 'refused')::int as refused,
      count(pp.id) filter (where pp.status = 'proposed')::int as open,
      coalesce(array_agg(distinct a.first_name || ' ' || a.last_name) filter (where a.id is not null), '{}') as "approvedBy",
      max(pp.decided_at) as "lastApprovedAt"
    from cohort_proposals p
    left join employees c on c.id = p.created_by
    left join cohort_proposal_pairs pp on pp.proposal_id = p.id
    left join employees a on a.id = pp.decided_by
    where ${visible} and ${page.where ?? sql`true`}
    group by p.id, c.first_name, c.last_name
    order by ${page.orderSql}
    limit ${page.fetch}`,
  );
  return page.page(
    rows,
    (r) => r.key,
    (kept) =>
      kept.map(({ key: _key, ...r }) => ({
        ...r,
        opdivs: r.opdivs.length > 0 ? r.opdivs : null,
        createdAt: iso(r.createdAt),
        lastApprovedAt: r.lastApprovedAt ? iso(r.lastApprovedAt) : null,
      })),
  );
}
