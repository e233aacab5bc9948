import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { CommunicationMethod, MenteeProfile, MentorProfile, Platform } from '@hhs-mentoring/domain';
import { preparedRows, preparedSql, type Tx } from '../../db/client.js';
import { rowFromJson } from '../../db/json-rows.js';
import { LIVE_SQL, OPEN_OR_DECLINED_STATES, stateList } from '../../db/states.js';
import { invitations, menteeApplications, mentorApplications, relationships } from '../../db/schema/index.js';
import { factsOf, type EmployeeRow } from './people.js';

export type MentorRow = typeof mentorApplications.$inferSelect;
export type MenteeRow = typeof menteeApplications.$inferSelect;

export function mentorProfileOf(app: MentorRow, e: EmployeeRow, liveMenteeCount: number): MentorProfile {
  const career = app.positions.map((p) => `${p.title} ${p.organization}`).join(' ');
  return {
    employeeId: app.employeeId,
    employee: factsOf(e),
    platforms: app.platforms as Platform[],
    capacity: app.capacity,
    liveMenteeCount,
    paused: app.paused,
    active: app.withdrawnAt === null && e.active,
    acceptsOtherOpdivs: app.acceptsOtherOpdivs,
    competencies: app.competencies,
    technicalAreas: app.technicalAreas,
    careerText: `${career} ${app.bio}`,
    communicationMethods: app.communicationMethods as CommunicationMethod[],
  };
}

/** One mentee's live-relationship count and open or declined invitations (R-CAP-2, R-CAP-3, R-INV-1). */
export type MenteeActivity = { live: number; invited: { mentorId: string; state: string }[] };

/** A json expression giving a mentee's MenteeActivity, to select on its own or beside other columns. */
export function menteeActivitySql(
  menteeId: string | SQL | SQL.Aliased | ReturnType<typeof sql.placeholder>,
): SQL {
  return sql`json_build_object(
    'live', (select count(*)::int from ${relationships} r where r.mentee_id = ${menteeId} and r.state in ${LIVE_SQL}),
    'invited', coalesce((select json_agg(json_build_object('mentorId', i.mentor_id, 'state', i.state)) from ${invitations} i
      where i.mentee_id = ${menteeId} and i.state in (${stateList(OPEN_OR_DECLINED_STATES)})), '[]'::json))`;
}

/** The mentee's side of R-MATCH-1 / R-CAP-2 / R-CAP-3 from what was read. */
export function menteeProfileFrom(app: MenteeRow, e: EmployeeRow, activity: MenteeActivity): MenteeProfile {
  const open = activity.invited.filter((i) => i.state !== 'declined');
  return {
    employeeId: app.employeeId,
    employee: factsOf(e),
    platform: app.platform,
    developmentalNeeds: app.developmentalNeeds,
    goalsText: `${app.shortTermGoals} ${app.longTermGoals}`,
    locationPreference: app.locationPreference,
    communicationMethods: app.communicationMethods as CommunicationMethod[],
    hasLiveRelationship: activity.live > 0,
    openInvitationCount: open.length,
    invitedMentorIds: open.map((i) => i.mentorId),
    declinedByMentorIds: activity.invited.filter((i) => i.state === 'declined').map((i) => i.mentorId),
  };
}

const LOCK_MENTEE_APPLICATION = preparedSql(
  'lock_mentee_application',
  () => sql`
      select to_json(a) as row from ${menteeApplications} a where a.employee_id = ${sql.placeholder('employeeId')} and a.withdrawn_at is null for update`,
);

export async function activeMenteeApplication(
  db: Tx,
  employeeId: string,
  lock = false,
): Promise<MenteeRow | undefined> {
  if (lock) {
    // A prepared statement handed to the connection at once: statements issued after it run after it (pipelined).
    const [row] = await preparedRows<{ row: Record<string, unknown> }>(db, LOCK_MENTEE_APPLICATION, {
      employeeId,
    });
    return row ? rowFromJson(menteeApplications, row.row) : undefined;
  }
  const [row] = await db
    .select()
    .from(menteeApplications)
    .where(and(eq(menteeApplications.employeeId, employeeId), isNull(menteeApplications.withdrawnAt)));
  return row;
}

export async function activeMentorApplication(db: Tx, employeeId: string, lock = false) {
  const q = db
    .select()
    .from(mentorApplications)
    .where(and(eq(mentorApplications.employeeId, employeeId), isNull(mentorApplications.withdrawnAt)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}
