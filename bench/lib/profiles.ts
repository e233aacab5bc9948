import {
  parseGrade,
  type MenteeProfile,
  type MentorProfile,
  type EmployeeFacts,
} from '@hhs-mentoring/domain';
import type { EmployeeSeed, Workforce } from '../../apps/api/src/seed/workforce.js';

/** Domain profiles of a generated workforce (what the API builds from its tables). */
export function profilesOf(w: Workforce) {
  const byId = new Map(w.employees.map((e) => [e.id, e]));
  const facts = (e: EmployeeSeed): EmployeeFacts => {
    const g = parseGrade(e.payPlan, e.grade);
    if (!g.ok) throw new Error(g.detail);
    return {
      id: e.id,
      opdiv: e.opdiv,
      grade: g.grade,
      supervisorId: e.supervisorId,
      occupationSeries: e.occupationSeries,
      occupationTitle: e.occupationTitle,
      city: e.city,
      state: e.state,
      timeZone: e.timeZone,
    };
  };
  const mentors: MentorProfile[] = w.mentors.map((m) => ({
    employeeId: m.employeeId,
    employee: facts(byId.get(m.employeeId)!),
    platforms: m.platforms as MentorProfile['platforms'],
    capacity: m.capacity,
    liveMenteeCount: 0,
    paused: false,
    active: true,
    acceptsOtherOpdivs: m.acceptsOtherOpdivs,
    competencies: m.competencies,
    technicalAreas: m.technicalAreas,
    careerText: [m.bio, ...m.positions.map((p) => p.title)].join(' '),
    communicationMethods: m.communicationMethods as MentorProfile['communicationMethods'],
  }));
  const mentees: MenteeProfile[] = w.mentees.map((m) => ({
    employeeId: m.employeeId,
    employee: facts(byId.get(m.employeeId)!),
    platform: m.platform,
    developmentalNeeds: m.developmentalNeeds,
    goalsText: `${m.shortTermGoals} ${m.longTermGoals}`,
    locationPreference: m.locationPreference,
    communicationMethods: m.communicationMethods as MenteeProfile['communicationMethods'],
    hasLiveRelationship: false,
    openInvitationCount: 0,
    invitedMentorIds: [],
    declinedByMentorIds: [],
  }));
  const supervisorOf = (id: string) => byId.get(id)?.supervisorId ?? null;
  return { mentors, mentees, supervisorOf };
}
