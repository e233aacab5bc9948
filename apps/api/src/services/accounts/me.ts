import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { employees } from '../../db/schema/index.js';
import type { UserActor } from './actors.js';
import { presentEmployees } from '../journey/directory.js';
import { problems } from '../../lib/problem.js';

export async function describeMe(db: Db, actor: UserActor) {
  const [row] = await db.select().from(employees).where(eq(employees.id, actor.employeeId));
  if (!row) throw problems.notFound('Your directory entry');
  const [reports] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(employees)
    .where(eq(employees.supervisorId, actor.employeeId));
  const directReports = reports?.n ?? 0;
  const [employee] = await presentEmployees(db, actor, [row]);
  const roles: Array<'participant' | 'supervisor' | 'coordinator' | 'program_manager'> = ['participant'];
  if (directReports > 0) roles.push('supervisor');
  if (actor.coordinatorOpdivs.length > 0) roles.push('coordinator');
  if (actor.isProgramManager) roles.push('program_manager');
  return {
    userId: actor.userId,
    employee: employee!,
    roles,
    coordinatorOpdivs: actor.coordinatorOpdivs,
    directReports,
  };
}
