import { and, asc, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { employees } from '../db/schema/index.js';
import type { UserActor } from '../plugins/external/auth.js';
import type { DirectoryQuery, Employee } from '../schemas/directory.js';
import { mentorIdsAmong, visibleContactIds } from './contact-visibility.js';

type EmployeeRow = typeof employees.$inferSelect;

export async function presentEmployees(db: Db, viewer: UserActor, rows: EmployeeRow[]): Promise<Employee[]> {
  if (rows.length === 0) return [];
  const mentors = await mentorIdsAmong(db, rows.map((r) => r.id));
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
      or(like(sql`lower(${employees.firstName})`, likePrefix(w)), like(sql`lower(${employees.lastName})`, likePrefix(w))),
    ),
  );
}

export async function searchDirectory(db: Db, viewer: UserActor, query: DirectoryQuery) {
  const limit = query.limit ?? 20;
  const offset = query.offset ?? 0;
  const where = and(
    eq(employees.active, true),
    query.q ? nameFilter(query.q) : undefined,
    query.opdiv ? eq(employees.opdiv, query.opdiv) : undefined,
    query.state ? eq(employees.state, query.state.toUpperCase()) : undefined,
    query.city ? ilike(employees.city, query.city) : undefined,
  );
  const rows = await db
    .select({ e: employees, total: sql<number>`count(*) over()`.mapWith(Number) })
    .from(employees)
    .where(where)
    .orderBy(asc(employees.lastName), asc(employees.firstName), asc(employees.id))
    .limit(limit)
    .offset(offset);
  return {
    items: await presentEmployees(db, viewer, rows.map((r) => r.e)),
    total: rows[0]?.total ?? (offset > 0 ? await countAll(db, where) : 0),
    limit,
    offset,
  };
}

async function countAll(db: Db, where: SQL | undefined) {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(employees).where(where);
  return row?.n ?? 0;
}

export async function getEmployee(db: Db, id: string) {
  const [row] = await db.select().from(employees).where(eq(employees.id, id));
  return row;
}
