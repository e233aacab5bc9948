import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { checkHardRules, parseGrade, type EmployeeFacts, type Grade } from '@hhs-mentoring/domain';
import { queryRows, type Tx } from '../../db/client.js';
import { employees, roleGrants, users } from '../../db/schema/index.js';
import { audit, type AuditContext } from '../platform/audit.js';
import { notify } from '../platform/notifications.js';
import { LIVE_SQL } from '../../db/states.js';

type Pair = { id: string; mentor_id: string; mentee_id: string };
type EmployeeRow = typeof employees.$inferSelect;

function factsOf(e: EmployeeRow): EmployeeFacts {
  const parsed = parseGrade(e.payPlan, e.grade);
  const grade: Grade = parsed.ok
    ? parsed.grade
    : { payPlan: e.payPlan, grade: e.grade, rank: e.gradeRank, label: `${e.payPlan}-${e.grade}` };
  return {
    id: e.id,
    opdiv: e.opdiv,
    grade,
    supervisorId: e.supervisorId,
    occupationSeries: e.occupationSeries,
    occupationTitle: e.occupationTitle,
    city: e.city,
    state: e.state,
    timeZone: e.timeZone,
  };
}

/**
 * R-API-3 with R-PLAT-1: after HR changed grades or supervisors, re-checks every live S2J pair whose people or
 * reporting chains include a changed employee, and alerts the coordinators of both OPDIVs when the hard rules
 * no longer hold. The pair is never ended here: a person decides (R-LIFE-7). Returns the number of pairs flagged.
 */
export async function alertBrokenS2jPairs(
  tx: Tx,
  ctx: AuditContext,
  changedIds: string[],
  appUrl: string,
): Promise<number> {
  const pairs = await queryRows<Pair>(
    tx,
    sql`
    select id, mentor_id, mentee_id from relationships
    where platform = 's2j' and state in ${LIVE_SQL}`,
  );
  if (pairs.length === 0) return 0;
  // Every supervisor link above the pairs' people; UNION (not ALL) stops on cycles in bad HR data.
  const links = await queryRows<{ id: string; supervisor_id: string | null }>(
    tx,
    sql`
    with recursive up(id, supervisor_id) as (
      select e.id, e.supervisor_id from employees e
      where e.id in (select mentor_id from relationships where platform = 's2j' and state in ${LIVE_SQL}
                     union select mentee_id from relationships where platform = 's2j' and state in ${LIVE_SQL})
      union
      select e.id, e.supervisor_id from up join employees e on e.id = up.supervisor_id
    ) select id, supervisor_id from up`,
  );
  const supervisorOf = new Map(links.map((l) => [l.id, l.supervisor_id]));
  const changed = new Set(changedIds);
  const touches = (id: string) => {
    for (let cur: string | null | undefined = id, n = 0; cur && n < 100; cur = supervisorOf.get(cur), n++)
      if (changed.has(cur)) return true;
    return false;
  };
  const candidates = pairs.filter((p) => touches(p.mentor_id) || touches(p.mentee_id));
  if (candidates.length === 0) return 0;
  const people = new Map(
    (
      await tx
        .select()
        .from(employees)
        .where(
          inArray(
            employees.id,
            candidates.flatMap((p) => [p.mentor_id, p.mentee_id]),
          ),
        )
    ).map((e) => [e.id, e]),
  );
  let flagged = 0;
  for (const pair of candidates) {
    const mentor = people.get(pair.mentor_id)!;
    const mentee = people.get(pair.mentee_id)!;
    const result = checkHardRules({
      mentor: factsOf(mentor),
      mentee: factsOf(mentee),
      platform: 's2j',
      supervisorOf: (id) => supervisorOf.get(id),
    });
    if (result.ok) continue;
    flagged += 1;
    const details = result.refusals.map((r) => r.detail).join(' ');
    const digest = createHash('sha256').update(details).digest('hex').slice(0, 16);
    const opdivs = [...new Set([mentor.opdiv, mentee.opdiv])];
    const coordinators = await tx
      .selectDistinct({ employeeId: users.employeeId })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.role, 'coordinator'), inArray(roleGrants.opdiv, opdivs)));
    for (const c of coordinators)
      await notify(
        tx,
        {
          to: c.employeeId,
          kind: 'relationship.hr_rule_broken',
          title: 'HR data changed a Senior-to-Junior pair’s eligibility',
          body: `New HR data for ${mentee.firstName} ${mentee.lastName} (mentee) and ${mentor.firstName} ${mentor.lastName} (mentor): ${details} The relationship continues until you decide what to do.`,
          link: `/relationships/${pair.id}`,
          data: { relationshipId: pair.id, refusals: result.refusals },
          dedupeKey: `hr-s2j:${pair.id}:${digest}`,
        },
        appUrl,
      );
    await audit(tx, ctx, {
      action: 'relationship.hr_rule_alert',
      objectType: 'relationship',
      objectId: pair.id,
      opdivs,
      detail: { refusals: result.refusals, coordinatorsAlerted: coordinators.length },
    });
  }
  return flagged;
}
