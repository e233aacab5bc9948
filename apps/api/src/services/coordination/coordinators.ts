import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { employees, opdivs, roleGrants, users } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import { audit, type AuditContext } from '../platform/audit.js';
import { withConstraints } from '../journey/db-errors.js';

const grantColumns = {
  id: roleGrants.id,
  userId: roleGrants.userId,
  opdiv: roleGrants.opdiv,
  createdAt: roleGrants.createdAt,
  employeeId: employees.id,
  firstName: employees.firstName,
  lastName: employees.lastName,
  email: employees.email,
  homeOpdiv: employees.opdiv,
};
type GrantRow = {
  id: string;
  userId: string;
  opdiv: string | null;
  createdAt: Date;
  employeeId: string;
  firstName: string;
  lastName: string;
  email: string;
  homeOpdiv: string;
};
const present = (g: GrantRow) => ({
  id: g.id,
  userId: g.userId,
  opdiv: g.opdiv!,
  createdAt: g.createdAt.toISOString(),
  employee: { id: g.employeeId, name: `${g.firstName} ${g.lastName}`, email: g.email, opdiv: g.homeOpdiv },
});

const grants = (db: Db) =>
  db
    .select(grantColumns)
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .innerJoin(employees, eq(employees.id, users.employeeId));

/** R-ROLE-2: every coordinator grant (one row per person and OPDIV covered). */
export async function listCoordinators(db: Db, opdiv?: string) {
  const rows = await grants(db)
    .where(and(eq(roleGrants.role, 'coordinator'), opdiv ? eq(roleGrants.opdiv, opdiv) : undefined))
    .orderBy(asc(roleGrants.opdiv), asc(employees.lastName));
  return rows.map(present);
}

export type GrantInput = { userId?: string; employeeId?: string; email?: string; opdiv: string };

/**
 * Finds the account of the person named by user id, employee id or work email. Someone in the directory without an
 * account gets a 409 naming R-ACC-1: accounts are made when the person first signs in, never by staff.
 */
async function accountOf(tx: Tx, input: GrantInput) {
  const given = (['userId', 'employeeId', 'email'] as const).filter((k) => input[k] !== undefined);
  if (given.length !== 1)
    throw problems.badRequest('Name the person by exactly one of: user id, employee id, work email.', [
      { field: '/body', message: 'give exactly one of userId, employeeId, email' },
    ]);
  if (input.userId) {
    const [user] = await tx
      .select({ id: users.id, employeeId: users.employeeId })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!user) throw problems.notFound('That user');
    return user;
  }
  const [employee] = await tx
    .select({ id: employees.id, firstName: employees.firstName, lastName: employees.lastName })
    .from(employees)
    .where(
      input.employeeId
        ? eq(employees.id, input.employeeId.trim())
        : eq(sql`lower(${employees.email})`, input.email!.trim().toLowerCase()),
    );
  if (!employee)
    throw problems.notFound(
      input.employeeId
        ? `Employee ${input.employeeId}`
        : `A directory entry with the work email ${input.email}`,
    );
  const [user] = await tx
    .select({ id: users.id, employeeId: users.employeeId })
    .from(users)
    .where(eq(users.employeeId, employee.id));
  if (!user)
    throw problems.rule(
      'R-ACC-1',
      `${employee.firstName} ${employee.lastName} has no account yet. Ask them to sign in to the Mentoring Matching System once, then grant the role again.`,
      409,
    );
  return user;
}

/** The program manager makes a person a coordinator of an OPDIV (several may share one; one may cover several). */
export async function grantCoordinator(db: Db, input: GrantInput, ctx: AuditContext) {
  return withConstraints(
    () =>
      db.transaction(async (tx) => {
        const user = await accountOf(tx, input);
        const [known] = await tx.select().from(opdivs).where(eq(opdivs.code, input.opdiv));
        if (!known)
          throw problems.badRequest(`${input.opdiv} is not an OPDIV or STAFFDIV.`, [
            { field: '/body/opdiv', message: 'unknown OPDIV' },
          ]);
        const [row] = await tx
          .insert(roleGrants)
          .values({ userId: user.id, role: 'coordinator', opdiv: input.opdiv })
          .returning({ id: roleGrants.id });
        await audit(tx, ctx, {
          action: 'coordinator.grant',
          objectType: 'role_grant',
          objectId: row!.id,
          opdivs: [input.opdiv],
          detail: { userId: user.id, employeeId: user.employeeId },
        });
        const [created] = await grants(tx as Db).where(eq(roleGrants.id, row!.id));
        return present(created!);
      }),
    { role_grants_uq: () => problems.conflict(`This person already coordinates ${input.opdiv}.`) },
  );
}

export async function revokeCoordinator(db: Db, id: string, ctx: AuditContext) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.id, id), eq(roleGrants.role, 'coordinator')));
    if (!row) throw problems.notFound('That coordinator grant');
    await tx.delete(roleGrants).where(eq(roleGrants.id, id));
    await audit(tx, ctx, {
      action: 'coordinator.revoke',
      objectType: 'role_grant',
      objectId: id,
      opdivs: [row.opdiv!],
      detail: { userId: row.userId },
    });
  });
}
