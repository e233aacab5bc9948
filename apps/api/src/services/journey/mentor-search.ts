import { and, eq, ilike, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { keyset, type SortKey } from '../../lib/pagination.js';
import { employees, mentorApplications } from '../../db/schema/index.js';
import { publicMentorInfo } from './suggestions.js';

export type MentorSearch = {
  q?: string;
  opdiv?: string;
  state?: string;
  city?: string;
  competency?: string;
  expertise?: string;
  platform?: 's2j' | 'p2p';
  limit?: number;
  cursor?: string;
};

const nameExpr = sql`lower(${employees.firstName} || ' ' || ${employees.lastName})`;
const expertiseExpr = sql`lower(${mentorApplications.technicalAreas})`;

/**
 * R-MATCH-2: self-selection among active mentors. Names and free-text expertise match through pg_trgm word
 * similarity (`<%`, served by the GIN trigram indexes on the name expression and technical_areas); the other
 * filters are equality or array containment. Ordered by the best similarity, then name.
 */
export async function searchMentors(db: Db, query: MentorSearch) {
  const q = query.q?.trim().toLowerCase();
  const expertise = query.expertise?.trim().toLowerCase();
  const filters: Array<SQL | undefined> = [
    isNull(mentorApplications.withdrawnAt),
    eq(mentorApplications.paused, false),
    eq(employees.active, true),
    query.opdiv ? eq(employees.opdiv, query.opdiv.toUpperCase()) : undefined,
    query.state ? eq(employees.state, query.state.toUpperCase()) : undefined,
    query.city ? ilike(employees.city, query.city) : undefined,
    query.competency
      ? sql`${mentorApplications.competencies} @> array[${query.competency}]::text[]`
      : undefined,
    query.platform ? sql`${mentorApplications.platforms} @> array[${query.platform}]::text[]` : undefined,
    q ? sql`(${q} <% ${nameExpr} or ${q} <% ${expertiseExpr})` : undefined,
    expertise ? sql`${expertise} <% ${expertiseExpr}` : undefined,
  ];
  const relevance =
    q || expertise
      ? sql<number>`greatest(${q ? sql`word_similarity(${q}, ${nameExpr}), word_similarity(${q}, ${expertiseExpr})` : sql`0`}, ${expertise ? sql`word_similarity(${expertise}, ${expertiseExpr})` : sql`0`})`
      : undefined;
  const keys: SortKey[] = [
    ...(relevance ? [{ expr: relevance, dir: 'desc' as const, type: 'real' as const }] : []),
    { expr: employees.lastName, dir: 'asc', type: 'text' },
    { expr: employees.firstName, dir: 'asc', type: 'text' },
    { expr: employees.id, dir: 'asc', type: 'text' },
  ];
  const page = keyset(keys, query);
  const from = () =>
    db
      .select({ id: employees.id, relevance: (relevance ?? sql<number>`0`).mapWith(Number), key: page.key })
      .from(mentorApplications)
      .innerJoin(employees, eq(employees.id, mentorApplications.employeeId));
  const [rows, [count]] = await Promise.all([
    from()
      .where(and(...filters, page.where))
      .orderBy(...page.orderBy)
      .limit(page.fetch),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(mentorApplications)
      .innerJoin(employees, eq(employees.id, mentorApplications.employeeId))
      .where(and(...filters)),
  ]);
  const { items, nextCursor } = page.page(
    rows,
    (r) => r.key,
    (kept) => kept,
  );
  const info = await publicMentorInfo(
    db,
    items.map((r) => r.id),
  );
  return {
    items: items.map((r) => ({ ...info.get(r.id)!, relevance: Math.round(r.relevance * 1000) / 1000 })),
    nextCursor,
    total: count?.n ?? 0,
  };
}
