import { and, asc, desc, eq, ilike, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { employees, mentorApplications } from '../../db/schema/index.js';
import { publicMentorInfo } from './suggestions.js';

export type MentorSearch = {
  q?: string; opdiv?: string; state?: string; city?: string; competency?: string; expertise?: string;
  platform?: 's2j' | 'p2p'; limit?: number; offset?: number;
};

const nameExpr = sql`lower(${employees.firstName} || ' ' || ${employees.lastName})`;
const expertiseExpr = sql`lower(${mentorApplications.technicalAreas})`;

/**
 * R-MATCH-2: self-selection among active mentors. Names and free-text expertise match through pg_trgm word
 * similarity (`<%`, served by the GIN trigram indexes on the name expression and technical_areas); the other
 * filters are equality or array containment. Ordered by the best similarity, then name.
 */
export async function searchMentors(db: Db, query: MentorSearch) {
  const limit = query.limit ?? 20;
  const offset = query.offset ?? 0;
  const q = query.q?.trim().toLowerCase();
  const expertise = query.expertise?.trim().toLowerCase();
  const filters: Array<SQL | undefined> = [
    isNull(mentorApplications.withdrawnAt),
    eq(mentorApplications.paused, false),
    eq(employees.active, true),
    query.opdiv ? eq(employees.opdiv, query.opdiv.toUpperCase()) : undefined,
    query.state ? eq(employees.state, query.state.toUpperCase()) : undefined,
    query.city ? ilike(employees.city, query.city) : undefined,
    query.competency ? sql`${mentorApplications.competencies} @> array[${query.competency}]::text[]` : undefined,
    query.platform ? sql`${mentorApplications.platforms} @> array[${query.platform}]::text[]` : undefined,
    q ? sql`(${q} <% ${nameExpr} or ${q} <% ${expertiseExpr})` : undefined,
    expertise ? sql`${expertise} <% ${expertiseExpr}` : undefined,
  ];
  const relevance = q || expertise
    ? sql<number>`greatest(${q ? sql`word_similarity(${q}, ${nameExpr}), word_similarity(${q}, ${expertiseExpr})` : sql`0`}, ${expertise ? sql`word_similarity(${expertise}, ${expertiseExpr})` : sql`0`})`
    : undefined;
  const rows = await db
    .select({ id: employees.id, relevance: (relevance ?? sql<number>`0`).mapWith(Number), total: sql<number>`count(*) over()`.mapWith(Number) })
    .from(mentorApplications)
    .innerJoin(employees, eq(employees.id, mentorApplications.employeeId))
    .where(and(...filters))
    .orderBy(...(relevance ? [desc(relevance)] : []), asc(employees.lastName), asc(employees.firstName), asc(employees.id))
    .limit(limit)
    .offset(offset);
  const info = await publicMentorInfo(db, rows.map((r) => r.id));
  return {
    items: rows.map((r) => ({ ...info.get(r.id)!, relevance: Math.round(r.relevance * 1000) / 1000 })),
    total: rows[0]?.total ?? 0,
    limit,
    offset,
  };
}
