import { and, eq, isNull, sql } from 'drizzle-orm';
import type { CommunicationMethod, MenteeProfile, MentorProfile, Platform } from '@hhs-mentoring/domain';
import { queryRows, type Tx } from '../../db/client.js';
import { invitations, menteeApplications, mentorApplications, relationships } from '../../db/schema/index.js';
import { factsOf, type EmployeeRow } from './people.js';

export type MentorRow = typeof mentorApplications.$inferSelect;
export type MenteeRow = typeof menteeApplications.$inferSelect;
export const LIVE_STATES = ['onboarding', 'active', 'termination_requested'] as const;
export const OPEN_STATES = ['pending', 'accepted'] as const;

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

/** The mentee's side of R-MATCH-1 / R-CAP-2 / R-CAP-3: live relationship, open and declined invitations. */
export async function menteeProfileOf(db: Tx, app: MenteeRow, e: EmployeeRow): Promise<MenteeProfile> {
  // One statement: the live-relationship count and the open or declined invitations.
  const [row] = await queryRows<{ live: number; invited: { mentorId: string; state: string }[] }>(
    db,
    sql`select
      (select count(*)::int from ${relationships} r where r.mentee_id = ${app.employeeId}
        and r.state in (${sql.join(LIVE_STATES.map((s) => sql`${s}`), sql`, `)})) as live,
      coalesce((select json_agg(json_build_object('mentorId', i.mentor_id, 'state', i.state)) from ${invitations} i
        where i.mentee_id = ${app.employeeId} and i.state in (${sql.join([...OPEN_STATES, 'declined'].map((s) => sql`${s}`), sql`, `)})), '[]'::json) as invited`,
  );
  const invited = row?.invited ?? [];
  const open = invited.filter((i) => i.state !== 'declined');
  return {
    employeeId: app.employeeId,
    employee: factsOf(e),
    platform: app.platform,
    developmentalNeeds: app.developmentalNeeds,
    goalsText: `${app.shortTermGoals} ${app.longTermGoals}`,
    locationPreference: app.locationPreference,
    communicationMethods: app.communicationMethods as CommunicationMethod[],
    hasLiveRelationship: (row?.live ?? 0) > 0,
    openInvitationCount: open.length,
    invitedMentorIds: open.map((i) => i.mentorId),
    declinedByMentorIds: invited.filter((i) => i.state === 'declined').map((i) => i.mentorId),
  };
}

export async function activeMenteeApplication(db: Tx, employeeId: string, lock = false) {
  const q = db.select().from(menteeApplications).where(and(eq(menteeApplications.employeeId, employeeId), isNull(menteeApplications.withdrawnAt)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function activeMentorApplication(db: Tx, employeeId: string, lock = false) {
  const q = db.select().from(mentorApplications).where(and(eq(mentorApplications.employeeId, employeeId), isNull(mentorApplications.withdrawnAt)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}
