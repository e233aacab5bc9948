import type { Grade } from './grades.js';

export type Platform = 's2j' | 'p2p';
export const PLATFORMS: readonly Platform[] = ['s2j', 'p2p'];
export const PLATFORM_NAMES: Record<Platform, string> = { s2j: 'Senior-to-Junior', p2p: 'Peer-to-Peer' };

export type CommunicationMethod = 'in_person' | 'phone' | 'video' | 'email';
export const COMMUNICATION_METHODS: readonly CommunicationMethod[] = ['in_person', 'phone', 'video', 'email'];
export const COMMUNICATION_METHOD_NAMES: Record<CommunicationMethod, string> = {
  in_person: 'in person',
  phone: 'phone',
  video: 'video',
  email: 'email',
};

export type LocationPreference = 'same_location' | 'same_opdiv' | 'cross_opdiv' | 'no_preference';

export interface EmployeeFacts {
  id: string;
  opdiv: string;
  grade: Grade;
  supervisorId: string | null;
  occupationSeries: string;
  occupationTitle: string;
  city: string;
  state: string;
  timeZone: string;
}

export interface MentorProfile {
  employeeId: string;
  employee: EmployeeFacts;
  platforms: Platform[];
  /** Chosen by the mentor, 1..settings.maxCapacity (R-CAP-1). */
  capacity: number;
  liveMenteeCount: number;
  paused: boolean;
  active: boolean;
  acceptsOtherOpdivs: boolean;
  /** Competency codes (R-COMP-1). */
  competencies: string[];
  technicalAreas: string;
  /** Positions held, bio and occupation, as free text. */
  careerText: string;
  communicationMethods: CommunicationMethod[];
}

export interface MenteeProfile {
  employeeId: string;
  employee: EmployeeFacts;
  platform: Platform;
  /** Competency codes, most important first. */
  developmentalNeeds: string[];
  goalsText: string;
  locationPreference: LocationPreference;
  communicationMethods: CommunicationMethod[];
  hasLiveRelationship: boolean;
  openInvitationCount: number;
  invitedMentorIds: string[];
  declinedByMentorIds: string[];
}

/** A refusal a person can read: the rule it cites and one sentence. */
export interface Refusal {
  rule: string;
  detail: string;
}
