import { eq, inArray, sql } from 'drizzle-orm';
import type { CommunicationMethod, MenteeProfile } from '@hhs-mentoring/domain';
import { queryRows, type Db } from '../../db/client.js';
import { employees, invitations, menteeApplications } from '../../db/schema/index.js';
import { factsOf } from '../journey/people.js';
import { OPEN_STATES } from '../journey/profiles.js';
import type { Scope } from './scope.js';
import { baseCtes, unmatchedCte } from './unmatched.js';

/**
 * R-MATCH-4: the profiles of every unmatched mentee of a scope, read in three queries rather than the journey's
 * per-mentee menteeProfileFrom + menteeActivitySql (same fields, same meaning: open = pending or accepted; declined mentors excluded).
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
    .where(inArray(menteeApplications.employeeId, ids));
  const invited = await db
    .select({ menteeId: invitations.menteeId, mentorId: invitations.mentorId, state: invitations.state })
    .from(invitations)
    .where(
      sql`${invitations.menteeId} in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )}) and ${invitations.state} in (${sql.join(
        [...OPEN_STATES, 'declined'].map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  const byMentee = new Map<string, typeof invited>();
  for (const i of invited) byMentee.set(i.menteeId, [...(byMentee.get(i.menteeId) ?? []), i]);
  return rows.map(({ app, e }) => {
    const mine = byMentee.get(app.employeeId) ?? [];
    const open = mine.filter((i) => i.state !== 'declined');
    return {
      employeeId: app.employeeId,
      employee: factsOf(e),
      platform: app.platform,
      developmentalNeeds: app.developmentalNeeds,
      goalsText: `${app.shortTermGoals} ${app.longTermGoals}`,
      locationPreference: app.locationPreference,
      communicationMethods: app.communicationMethods as CommunicationMethod[],
      hasLiveRelationship: false,
      openInvitationCount: open.length,
      invitedMentorIds: open.map((i) => i.mentorId),
      declinedByMentorIds: mine.filter((i) => i.state === 'declined').map((i) => i.mentorId),
    };
  });
}
