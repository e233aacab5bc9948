import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { employees, opdivs, roleGrants, users } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import { audit, type AuditContext } from '../audit.js';
import { withConstraints } from '../journey/db-errors.js';

const grantColumns = {
  id: roleGrants.id, userId: roleGrants.userId, opdiv: roleGrants.opdiv, createdAt: roleGrants.createdAt,
  employeeId: employees.id, firstName: employees.firstName, lastName: employees.lastName, email: employees.email, homeOpdiv: employees.opdiv,
};
type GrantRow = { id: string; userId: string; opdiv: string | null; createdAt: Date; employeeId: string; firstName: string; lastName: string; email: string; homeOpdiv: string };
const present = (g: GrantRow) => ({
  id: g.id, userId: g.userId, opdiv: g.opdiv!, createdAt: g.createdAt.toISOString(),
  employee: { id: g.employeeId, name: `${g.firstName} ${g.lastName}`, email: g.email, opdiv: g.homeOpdiv },
});

const grants = (db: Db) => db.select(grantColumns).from(roleGrants).innerJoin(users, eq(users.id, roleGrants.userId)).innerJoin(employees, eq(employees.id, users.employeeId));

/** R-ROLE-2: every coordinator grant (one row per person and OPDIV covered). */
export async function listCoordinators(db: Db, opdiv?: string) {
  const rows = await grants(db).where(and(eq(roleGrants.role, 'coordinator'), opdiv ? eq(roleGrants.opdiv, opdiv) : undefined)).orderBy(asc(roleGrants.opdiv), asc(employees.lastName));
  return rows.map(present);
}

/** The program manager makes a user a coordinator of an OPDIV (several may share one; one may cover several). */
export async function grantCoordinator(db: Db, input: { userId: string; opdiv: string }, ctx: AuditContext) {
  return withConstraints(() => db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, employeeId: users.employeeId }).from(users).where(eq(users.id, input.userId));
    if (!user) throw problems.notFound('That user');
    const [known] = await tx.select().from(opdivs).where(eq(opdivs.code, input.opdiv));
    if (!known) throw problems.badRequest(`${input.opdiv} is not an OPDIV or STAFFDIV.`, [{ field: '/body/opdiv', message: 'unknown OPDIV' }]);
    const [row] = await tx.insert(roleGrants).values({ userId: input.userId, role: 'coordinator', opdiv: input.opdiv }).returning({ id: roleGrants.id });
    await audit(tx, ctx, { action: 'coordinator.grant', objectType: 'role_grant', objectId: row!.id, opdivs: [input.opdiv], detail: { userId: input.userId, employeeId: user.employeeId } });
    const [created] = await grants(tx as Db).where(eq(roleGrants.id, row!.id));
    return present(created!);
  }), { role_grants_uq: () => problems.conflict(`This person already coordinates ${input.opdiv}.`) });
}

export async function revokeCoordinator(db: Db, id: string, ctx: AuditContext) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(roleGrants).where(and(eq(roleGrants.id, id), eq(roleGrants.role, 'coordinator')));
    if (!row) throw problems.notFound('That coordinator grant');
    await tx.delete(roleGrants).where(eq(roleGrants.id, id));
    await audit(tx, ctx, { action: 'coordinator.revoke', objectType: 'role_grant', objectId: id, opdivs: [row.opdiv!], detail: { userId: row.userId } });
  });
}
