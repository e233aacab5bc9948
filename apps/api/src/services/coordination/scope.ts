import { sql, type SQL } from 'drizzle-orm';
import { problems } from '../../lib/problem.js';
import type { Actor, UserActor } from '../accounts/actors.js';

/**
 * R-ROLE-2, in one module (decision 0012): who counts as staff, which OPDIVs an actor covers, and the SQL tests of
 * a scope. Routes' staff guard, the services and the reports all ask here.
 */

/** The OPDIVs a staff request covers, or null for the whole department (R-ROLE-2). */
export type Scope = string[] | null;

/** R-ROLE-2: staff are coordinators (of at least one OPDIV) and the program manager. */
export function isStaff(actor: UserActor): boolean {
  return actor.isProgramManager || actor.coordinatorOpdivs.length > 0;
}

/** R-ROLE-2: a coordinator acts only where one side is in their OPDIVs; the program manager everywhere. */
export function coversAny(actor: UserActor, opdivs: Array<string | null | undefined>): boolean {
  if (actor.isProgramManager) return true;
  return opdivs.some((o) => o != null && actor.coordinatorOpdivs.includes(o));
}

/** The OPDIVs an actor may see as staff, or null for all (program manager). */
export function staffScope(actor: UserActor): Scope {
  return actor.isProgramManager ? null : actor.coordinatorOpdivs;
}

/**
 * R-ROLE-2: a coordinator works in their OPDIVs (all of them, or the one asked for); asking for another is 403.
 * The program manager (and a system client, R-API-2) sees the department, or the one OPDIV asked for.
 */
export function requestScope(actor: Actor, opdiv?: string): Scope {
  if (actor.kind === 'system' || actor.isProgramManager) return opdiv ? [opdiv] : null;
  if (!opdiv) return actor.coordinatorOpdivs;
  if (!actor.coordinatorOpdivs.includes(opdiv))
    throw problems.forbidden(
      `You coordinate ${actor.coordinatorOpdivs.join(', ')}, not ${opdiv}.`,
      'R-ROLE-2',
    );
  return [opdiv];
}

/** True when every OPDIV of `inner` (null = department) is inside what the actor covers. */
export function actorCovers(actor: UserActor, inner: Scope): boolean {
  if (actor.isProgramManager) return true;
  return inner !== null && inner.length > 0 && inner.every((o) => actor.coordinatorOpdivs.includes(o));
}

/** SQL test "this OPDIV column is in scope". */
export function opdivIn(column: SQL, scope: Scope): SQL {
  if (scope === null) return sql`true`;
  if (scope.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    scope.map((o) => sql`${o}`),
    sql`, `,
  )})`;
}

/** A pair is in scope when either side is (R-ROLE-2). */
export const pairIn = (menteeOpdiv: SQL, mentorOpdiv: SQL, scope: Scope): SQL =>
  scope === null ? sql`true` : sql`(${opdivIn(menteeOpdiv, scope)} or ${opdivIn(mentorOpdiv, scope)})`;

export const scopeLabel = (scope: Scope) => (scope === null ? 'HHS' : scope.join(', '));
