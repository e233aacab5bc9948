import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { employees, invitations, mentorApplications, relationships } from '../../db/schema/index.js';
import type { UserActor } from '../accounts/actors.js';
import { coversAny } from '../coordination/scope.js';

type Person = { id: string; opdiv: string; supervisorId: string | null };

/**
 * R-SEC-2 / R-MATCH-5: directory entries are visible to signed-in users, contact details too, except a mentor's:
 * those only reach the mentor themself, their supervisor and direct reports, staff in scope, and people the mentor
 * has agreed to talk with (an accepted invitation or a relationship: see pairContactIds).
 */
export async function visibleContactIds(
  db: Db,
  viewer: UserActor,
  people: Person[],
  mentors: ReadonlySet<string>,
): Promise<Set<string>> {
  if (people.length === 0) return new Set();
  const viewerRow = await db
    .select({ supervisorId: employees.supervisorId })
    .from(employees)
    .where(eq(employees.id, viewer.employeeId));
  const viewerSupervisor = viewerRow[0]?.supervisorId ?? null;
  const pairs =
    mentors.size > 0 ? await pairContactIds(db, viewer.employeeId, [...mentors]) : new Set<string>();
  const visible = new Set<string>();
  for (const p of people) {
    const ok =
      !mentors.has(p.id) ||
      p.id === viewer.employeeId ||
      p.supervisorId === viewer.employeeId ||
      p.id === viewerSupervisor ||
      coversAny(viewer, [p.opdiv]) ||
      pairs.has(p.id);
    if (ok) visible.add(p.id);
  }
  return visible;
}

/** Which of these people have an active (not withdrawn) mentor application. */
export async function mentorIdsAmong(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: mentorApplications.employeeId })
    .from(mentorApplications)
    .where(and(inArray(mentorApplications.employeeId, ids), isNull(mentorApplications.withdrawnAt)));
  return new Set(rows.map((r) => r.id));
}

/** Mentors among `mentorIds` who accepted an invitation from, or are paired with, the viewer (R-MATCH-5). */
export async function pairContactIds(db: Db, viewerId: string, mentorIds: string[]): Promise<Set<string>> {
  const accepted = await db
    .select({ id: invitations.mentorId })
    .from(invitations)
    .where(
      and(
        eq(invitations.menteeId, viewerId),
        inArray(invitations.mentorId, mentorIds),
        inArray(invitations.state, ['accepted', 'confirmed']),
      ),
    );
  const paired = await db
    .select({ id: relationships.mentorId, menteeId: relationships.menteeId })
    .from(relationships)
    .where(
      or(
        and(eq(relationships.menteeId, viewerId), inArray(relationships.mentorId, mentorIds)),
        and(eq(relationships.mentorId, viewerId), inArray(relationships.menteeId, mentorIds)),
      ),
    );
  return new Set([
    ...accepted.map((r) => r.id),
    ...paired.flatMap((r) => [r.id, r.menteeId]).filter((id) => id !== viewerId),
  ]);
}
