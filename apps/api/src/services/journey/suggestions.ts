import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { scoreCandidatesIndexed, type SupervisorLookup } from '@hhs-mentoring/domain';
import { queryRows, type Db } from '../../db/client.js';
import { employees, menteeApplications, mentorApplications } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../../plugins/external/auth.js';
import { coversAny } from '../scope.js';
import { currentSettings } from '../settings.js';
import { matchingContext } from './mentor-index.js';
import { fullName } from './people.js';
import { menteeProfileOf } from './profiles.js';

/** Suggestions are the best SUGGESTION_WINDOW eligible mentors; explanations are built only for those. */
export const SUGGESTION_WINDOW = 100;

/**
 * R-DIR-3 for one mentee against many mentors: the mentee's chain upward, plus the mentors below the mentee
 * (a downward CTE that stops at the bounded depth). A mentor below the mentee is given the mentee as direct
 * supervisor in the lookup, which is all the chain test needs to know.
 */
async function chainLookupFor(db: Db, menteeId: string): Promise<SupervisorLookup> {
  // One statement: the mentee's chain upward (dir 'up', id → supervisor) and the mentors below (dir 'down').
  const rows = await queryRows<{ dir: 'up' | 'down'; id: string; supervisor_id: string | null }>(
    db,
    sql`with recursive up(id, supervisor_id, depth) as (
          select id, supervisor_id, 0 from employees where id = ${menteeId}
          union
          select e.id, e.supervisor_id, up.depth + 1 from employees e join up on e.id = up.supervisor_id where up.depth < 100
        ), down(id, depth) as (
          select id, 1 from employees where supervisor_id = ${menteeId}
          union
          select e.id, down.depth + 1 from employees e join down on e.supervisor_id = down.id where down.depth < 100
        )
        select distinct 'up' as dir, id, supervisor_id from up
        union all
        select distinct 'down', down.id, null from down join mentor_applications m on m.employee_id = down.id`,
  );
  const above = new Map(rows.filter((r) => r.dir === 'up').map((r) => [r.id, r.supervisor_id]));
  const mentorsBelow = new Set(rows.filter((r) => r.dir === 'down').map((r) => r.id));
  return (id) => above.get(id) ?? (mentorsBelow.has(id) ? menteeId : null);
}

export async function suggestionsFor(db: Db, actor: UserActor, menteeId: string, limit: number, offset: number) {
  const [row] = await db
    .select({ employee: employees, app: menteeApplications })
    .from(employees)
    .leftJoin(menteeApplications, and(eq(menteeApplications.employeeId, employees.id), isNull(menteeApplications.withdrawnAt)))
    .where(eq(employees.id, menteeId));
  const employee = row?.employee;
  const self = menteeId === actor.employeeId;
  if (!employee || (!self && !coversAny(actor, [employee.opdiv]))) throw problems.notFound('That mentee');
  const app = row.app;
  if (!app) {
    const who = self ? 'You have' : 'This person has';
    throw problems.rule('R-MATCH-1', `${who} no mentee application. Apply as a mentee first; suggestions are built from the application.`, 409);
  }
  const [mentee, { index, settings }, supervisorOf] = await Promise.all([
    menteeProfileOf(db, app, employee),
    matchingContext(db),
    chainLookupFor(db, menteeId),
  ]);
  const ranked = scoreCandidatesIndexed(mentee, index, settings, { supervisorOf, limit: SUGGESTION_WINDOW });
  const page = ranked.slice(offset, offset + limit);
  const info = await publicMentorInfo(db, page.map((s) => s.mentorId), settings.maxCapacity);
  return {
    items: page.map((s) => ({
      mentor: info.get(s.mentorId)!,
      score: s.total,
      criteria: s.criteria,
      reasons: s.reasons,
    })),
    total: ranked.length,
    limit,
    offset,
  };
}

/** A mentor's public card: no email or phone (R-MATCH-5). */
export async function publicMentorInfo(db: Db, ids: string[], programMaxCapacity?: number) {
  if (ids.length === 0) return new Map();
  // R-CAP-1: a mentor's own capacity never exceeds the program maximum, which the program manager may lower.
  const maxCapacity = programMaxCapacity ?? (await currentSettings(db)).maxCapacity;
  const rows = await db
    .select({
      e: employees,
      m: mentorApplications,
      live: sql<number>`(select count(*) from relationships r where r.mentor_id = ${employees.id}
        and r.state in ('onboarding', 'active', 'termination_requested'))`.mapWith(Number),
    })
    .from(mentorApplications)
    .innerJoin(employees, eq(employees.id, mentorApplications.employeeId))
    .where(inArray(mentorApplications.employeeId, ids));
  return new Map(
    rows.map(({ e, m, live }) => [
      e.id,
      {
        id: e.id,
        name: fullName(e),
        opdiv: e.opdiv,
        grade: `${e.payPlan}-${e.grade}`,
        occupationTitle: e.occupationTitle,
        city: e.city,
        state: e.state,
        bio: m.bio,
        competencies: m.competencies,
        technicalAreas: m.technicalAreas,
        platforms: m.platforms,
        communicationMethods: m.communicationMethods,
        remainingCapacity: Math.max(0, Math.min(m.capacity, maxCapacity) - live),
      },
    ]),
  );
}
