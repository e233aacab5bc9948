import { eq, sql } from 'drizzle-orm';
import type { MenteeProfile } from '@hhs-mentoring/domain';
import { queryRows, type Db } from '../../db/client.js';
import { OPEN_OR_DECLINED_STATES } from '../../db/states.js';
import { employees, invitations, menteeApplications } from '../../db/schema/index.js';
import { menteeProfileFrom } from '../journey/profiles.js';
import type { Scope } from './scope.js';
import { baseCtes, unmatchedCte } from './unmatched.js';
import { anyOf } from '../../db/any-of.js';

/**
 * R-MATCH-4: the profiles of every unmatched mentee of a scope, read in three queries rather than the journey's
 * per-mentee menteeActivitySql, and mapped by the journey's one menteeProfileFrom.
 */
export async function unmatchedMenteeProfiles(db: Db, scope: Scope): Promise<MenteeProfile[]> {
  const ids = (
    await queryRows<{ mentee_id: string }>(
      db,
      sql`with ${baseCtes(scope)}, ${unmatchedCte()} select mentee_id from unmatched order by mentee_id`,
    )
  ).map((r) => r.mentee_id);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ app: menteeApplications, e: employees })
    .from(menteeApplications)
    .innerJoin(employees, eq(employees.id, menteeApplications.employeeId))
    .where(anyOf(menteeApplications.employeeId, ids));
  const invited = await db
    .select({ menteeId: invitations.menteeId, mentorId: invitations.mentorId, state: invitations.state })
    .from(invitations)
    .where(
      sql`${anyOf(invitations.menteeId, ids)} and ${invitations.state} in (${sql.join(
        OPEN_OR_DECLINED_STATES.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  const byMentee = new Map<string, typeof invited>();
  for (const i of invited) byMentee.set(i.menteeId, [...(byMentee.get(i.menteeId) ?? []), i]);
  // Unmatched: no live relationship by definition.
  return rows.map(({ app, e }) =>
    menteeProfileFrom(app, e, { live: 0, invited: byMentee.get(app.employeeId) ?? [] }),
  );
}
