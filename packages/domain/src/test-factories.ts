import { parseGrade, type Grade } from './grades.js';
import type { EmployeeFacts, MenteeProfile, MentorProfile } from './types.js';

export function grade(label: string): Grade {
  const [plan, g] = label === 'SES' ? ['ES', ''] : label.split(/-(.*)/s);
  const r = parseGrade(plan ?? '', g ?? '');
  if (!r.ok) throw new Error(r.detail);
  return r.grade;
}

export function makeEmployee(
  over: Partial<Omit<EmployeeFacts, 'grade'>> & { grade?: string | Grade } = {},
): EmployeeFacts {
  const { grade: g, ...rest } = over;
  return {
    id: 'e1',
    opdiv: 'CDC',
    supervisorId: null,
    occupationSeries: '0343',
    occupationTitle: 'Management and Program Analyst',
    city: 'Atlanta',
    state: 'GA',
    timeZone: 'America/New_York',
    ...rest,
    grade: typeof g === 'object' ? g : grade(g ?? 'GS-12'),
  };
}

export function makeMentor(
  over: Partial<MentorProfile> & { id?: string; grade?: string } = {},
): MentorProfile {
  const { id = 'mentor-1', grade: g = 'GS-14', employee, ...rest } = over;
  return {
    employeeId: id,
    employee: employee ?? makeEmployee({ id, grade: g }),
    platforms: ['s2j', 'p2p'],
    capacity: 3,
    liveMenteeCount: 0,
    paused: false,
    active: true,
    acceptsOtherOpdivs: true,
    competencies: ['strategic-thinking', 'accountability'],
    technicalAreas: 'budget formulation',
    careerText: 'Budget analyst and policy lead; led public health leadership programs.',
    communicationMethods: ['video', 'email'],
    ...rest,
  };
}

export function makeMentee(
  over: Partial<MenteeProfile> & { id?: string; grade?: string } = {},
): MenteeProfile {
  const { id = 'mentee-1', grade: g = 'GS-12', employee, ...rest } = over;
  return {
    employeeId: id,
    employee: employee ?? makeEmployee({ id, grade: g }),
    platform: 's2j',
    developmentalNeeds: ['strategic-thinking', 'decisiveness'],
    goalsText: 'I want to grow into budget policy leadership.',
    locationPreference: 'no_preference',
    communicationMethods: ['video'],
    hasLiveRelationship: false,
    openInvitationCount: 0,
    invitedMentorIds: [],
    declinedByMentorIds: [],
    ...rest,
  };
}

export const noSupervisors = (): null => null;
