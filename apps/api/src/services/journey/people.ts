import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { parseGrade, type EmployeeFacts, type Grade, type SupervisorLookup } from '@hhs-mentoring/domain';
import { queryRows, type Tx } from '../../db/client.js';
import { employees, roleGrants, users } from '../../db/schema/index.js';
import { anyOf } from '../../db/any-of.js';

export type EmployeeRow = typeof employees.$inferSelect;

/** R-DIR-2: the stored rank is authoritative; the label comes from the domain when the plan is known. */
export function gradeOf(e: Pick<EmployeeRow, 'payPlan' | 'grade' | 'gradeRank'>): Grade {
  const parsed = parseGrade(e.payPlan, e.grade);
  return parsed.ok
    ? parsed.grade
    : { payPlan: e.payPlan, grade: e.grade, rank: e.gradeRank, label: `${e.payPlan}-${e.grade}` };
}

export function factsOf(e: EmployeeRow): EmployeeFacts {
  return {
    id: e.id,
    opdiv: e.opdiv,
    grade: gradeOf(e),
    supervisorId: e.supervisorId,
    occupationSeries: e.occupationSeries,
    occupationTitle: e.occupationTitle,
    city: e.city,
    state: e.state,
    timeZone: e.timeZone,
  };
}

export async function employeeRows(db: Tx, ids: string[]): Promise<Map<string, EmployeeRow>> {
  if (ids.length === 0) return new Map();
  // A department-wide proposal names 15,000 people: one array parameter (anyOf).
  const rows = await db.select().from(employees).where(anyOf(employees.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * R-DIR-3: the supervisors above the given people, walked in the database with a recursive CTE (bounded depth,
 * cycle-safe through UNION), so only these chains are read, never the whole directory.
 */
export async function chainsAbove(db: Tx, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; supervisor_id: string | null }>(
    db,
    sql`with recursive up(id, supervisor_id, depth) as (
          select id, supervisor_id, 0 from employees where ${anyOf(sql`id`, ids)}
          union
          select e.id, e.supervisor_id, up.depth + 1 from employees e join up on e.id = up.supervisor_id where up.depth < 100
        ) select distinct id, supervisor_id from up`,
  );
  return new Map(rows.map((r) => [r.id, r.supervisor_id]));
}

export const lookupFrom =
  (chains: Map<string, string | null>): SupervisorLookup =>
  (id) =>
    chains.get(id) ?? null;

/** R-ROLE-2: the employee ids of the coordinators covering any of these OPDIVs (alerts go to them). */
export async function coordinatorsOf(db: Tx, opdivs: string[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: users.employeeId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .innerJoin(employees, eq(employees.id, users.employeeId))
    .where(
      and(
        eq(roleGrants.role, 'coordinator'),
        isNotNull(roleGrants.opdiv),
        inArray(roleGrants.opdiv, [...new Set(opdivs)]),
        eq(employees.active, true),
      ),
    );
  return rows.map((r) => r.id);
}

export const fullName = (e: Pick<EmployeeRow, 'firstName' | 'lastName'>) => `${e.firstName} ${e.lastName}`;
