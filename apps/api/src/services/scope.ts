import type { UserActor } from './actors.js';

/** R-ROLE-2: a coordinator acts only where one side is in their OPDIVs; the program manager everywhere. */
export function coversAny(actor: UserActor, opdivs: Array<string | null | undefined>): boolean {
  if (actor.isProgramManager) return true;
  return opdivs.some((o) => o != null && actor.coordinatorOpdivs.includes(o));
}

/** The OPDIVs an actor may see as staff, or null for all (program manager). */
export function staffScope(actor: UserActor): string[] | null {
  return actor.isProgramManager ? null : actor.coordinatorOpdivs;
}
