import { and, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { keyset, type PageResult, type SortKey } from '../../lib/pagination.js';
import { employees } from '../../db/schema/index.js';
import type { UserActor } from '../accounts/actors.js';
import type { DirectoryQuery, Employee } from '../../schemas/directory.js';
import { mentorIdsAmong, visibleContactIds } from './contact-visibility.js';

type EmployeeRow = typeof employees.$inferSelect;

export async function presentEmployees(db: Db, viewer: UserActor, rows: EmployeeRow[]): Promise<Employee[]> {
  if (rows.length === 0) return [];
  const mentors = await mentorIdsAmong(
    db,
    rows.map((r) => r.id),
  );
  const visible = await visibleContactIds(db, viewer, rows, mentors);
  return rows.map((r) => ({
    id: r.id,
    firstName: r.firstName,
    lastName: r.lastName,
    opdiv: r.opdiv,
    payPlan: r.payPlan,
    grade: r.grade,
    occupationSeries: r.occupationSeries,
    occupationTitle: r.occupationTitle,
    city: r.city,
    state: r.state,
    timeZone: r.timeZone,
    supervisorId: r.supervisorId,
    commissionedCorps: r.commissionedCorps,
    isMentor: mentors.has(r.id),
    contact: visible.has(r.id) ? { email: r.email, phone: r.phone } : null,
  }));
}

/** Escapes LIKE wildcards in user input. */
export const likePrefix = (s: string) => `${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Name-prefix search uses the lower(name) text_pattern_ops indexes: every word must prefix a first or last name. */
export function nameFilter(q: string): SQL | undefined {
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 4);
  return and(
    ...words.map((w) =>
      or(
        like(sql`lower(${employees.firstName})`, likePrefix(w)),
        like(sql`lower(${employees.lastName})`, likePrefix(w)),
      ),
    ),
  );
}

export async function searchDirectory(
  db: Db,
  viewer: UserActor,
  query: DirectoryQuery,
): Promise<PageResult<Employee>> {
  const page = keyset(DIRECTORY_ORDER, query);
  const where = and(
    eq(employees.active, true),
    query.q ? nameFilter(query.q) : undefined,
    query.opdiv ? eq(employees.opdiv, query.opdiv) : undefined,
    query.state ? eq(employees.state, query.state.toUpperCase()) : undefined,
    query.city ? ilike(employees.city, query.city) : undefined,
  );
  const [rows, total] = await Promise.all([
    db
      .select({ e: employees, key: page.key })
      .from(employees)
      .where(and(where, page.where))
      .orderBy(...page.orderBy)
      .limit(page.fetch),
    countAll(db, where),
  ]);
  const { items, nextCursor } = page.page(
    rows,
    (r) => r.key,
    (kept) => kept.map((r) => r.e),
  );
  return { items: await presentEmployees(db, viewer, items), nextCursor, total };
}

const DIRECTORY_ORDER: SortKey[] = [
  { expr: employees.lastName, dir: 'asc', type: 'text' },
  { expr: employees.firstName, dir: 'asc', type: 'text' },
  { expr: employees.id, dir: 'asc', type: 'text' },
];

async function countAll(db: Db, where: SQL | undefined) {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(employees)
    .where(where);
  return row?.n ?? 0;
}

export async function getEmployee(db: Db, id: string) {
  const [row] = await db.select().from(employees).where(eq(employees.id, id));
  return row;
}
