import { inSameChain, type SupervisorLookup } from './reporting-chain.js';
import type { ProgramSettings } from './settings.js';
import {
  PLATFORM_NAMES,
  type EmployeeFacts,
  type MenteeProfile,
  type MentorProfile,
  type Platform,
  type Refusal,
} from './types.js';

export type EligibilityResult = { ok: true } | { ok: false; refusals: Refusal[] };

function result(refusals: Refusal[]): EligibilityResult {
  return refusals.length === 0 ? { ok: true } : { ok: false, refusals };
}

export interface HardRuleInput {
  mentor: EmployeeFacts;
  mentee: EmployeeFacts;
  platform: Platform;
  supervisorOf: SupervisorLookup;
  /** A precomputed chain test for ranking many mentors against one mentee; defaults to inSameChain. */
  sameChain?: (mentorId: string, menteeId: string) => boolean;
}

/** R-INV-1: the one check, callable before any profile is loaded (an id is all it needs). */
export function selfMentoringRefusals(mentorId: string, menteeId: string): Refusal[] {
  return mentorId === menteeId ? [{ rule: 'R-INV-1', detail: 'Nobody can mentor themself.' }] : [];
}

/** R-INV-1 and the §3 hard rules (R-PLAT-1): checked at invitation and again at confirmation. */
export function hardRuleRefusals({
  mentor,
  mentee,
  platform,
  supervisorOf,
  sameChain,
}: HardRuleInput): Refusal[] {
  const self = selfMentoringRefusals(mentor.id, mentee.id);
  if (self.length > 0) return self;
  if (platform !== 's2j') return [];
  const refusals: Refusal[] = [];
  if (mentor.grade.rank <= mentee.grade.rank) {
    refusals.push({
      rule: 'R-PLAT-1',
      detail: `A Senior-to-Junior mentor must hold a higher grade than the mentee (${mentor.grade.label} is not higher than ${mentee.grade.label}).`,
    });
  }
  if ((sameChain ?? ((a, b) => inSameChain(a, b, supervisorOf)))(mentor.id, mentee.id)) {
    refusals.push({
      rule: 'R-PLAT-1',
      detail: 'A Senior-to-Junior mentor cannot be in the same reporting chain as the mentee.',
    });
  }
  return refusals;
}

export function checkHardRules(input: HardRuleInput): EligibilityResult {
  return result(hardRuleRefusals(input));
}

export function effectiveCapacity(mentor: MentorProfile, settings: ProgramSettings): number {
  return Math.max(0, Math.min(mentor.capacity, settings.maxCapacity));
}

export function remainingCapacity(mentor: MentorProfile, settings: ProgramSettings): number {
  return Math.max(0, effectiveCapacity(mentor, settings) - mentor.liveMenteeCount);
}

/**
 * Why a pair is judged: a mentee's invitation, its confirmation (the invitation confirmed is one of the open ones, so
 * R-CAP-3 and "already invited" do not apply), or a coordinator's shortlist (not an invitation: R-CAP-3 is checked
 * when the mentee invites).
 */
export type PairPurpose = 'invite' | 'confirm' | 'shortlist';

export interface CapacityInput {
  mentor: MentorProfile;
  mentee: MenteeProfile;
  settings: ProgramSettings;
  purpose?: PairPurpose;
}

/** R-CAP-1 on the mentor's side alone: also what a mentor accepting an invitation is checked against. */
export function mentorCapacityRefusals(mentor: MentorProfile, settings: ProgramSettings): Refusal[] {
  const cap = effectiveCapacity(mentor, settings);
  if (mentor.liveMenteeCount < cap) return [];
  return [
    { rule: 'R-CAP-1', detail: `This mentor already has ${mentor.liveMenteeCount} of ${cap} mentees.` },
  ];
}

/** R-CAP-1..3. */
export function capacityRefusals({ mentor, mentee, settings, purpose = 'invite' }: CapacityInput): Refusal[] {
  const refusals: Refusal[] = [...mentorCapacityRefusals(mentor, settings)];
  if (mentee.hasLiveRelationship) {
    refusals.push({
      rule: 'R-CAP-2',
      detail: 'A mentee may have only one mentoring relationship at a time.',
    });
  }
  if (purpose === 'invite' && mentee.openInvitationCount >= settings.maxOpenInvitations) {
    refusals.push({
      rule: 'R-CAP-3',
      detail: `A mentee may have at most ${settings.maxOpenInvitations} open invitations; withdraw one before inviting another mentor.`,
    });
  }
  return refusals;
}

export function checkCapacity(input: CapacityInput): EligibilityResult {
  return result(capacityRefusals(input));
}

/** What the mentor chose on the application: availability (R-APP-2), platforms and OPDIVs (R-APP-1). */
export function mentorAvailabilityRefusals(
  mentor: MentorProfile,
  mentee: MenteeProfile,
  platform: Platform,
): Refusal[] {
  const refusals: Refusal[] = [];
  if (!mentor.active)
    refusals.push({ rule: 'R-APP-2', detail: 'This mentor is no longer an active mentor.' });
  if (mentor.paused) refusals.push({ rule: 'R-APP-2', detail: 'This mentor has paused their availability.' });
  if (!mentor.platforms.includes(platform)) {
    refusals.push({
      rule: 'R-APP-1',
      detail: `This mentor does not offer ${PLATFORM_NAMES[platform]} mentoring.`,
    });
  }
  if (!mentor.acceptsOtherOpdivs && mentor.employee.opdiv !== mentee.employee.opdiv) {
    refusals.push({
      rule: 'R-APP-1',
      detail: `This mentor takes mentees from ${mentor.employee.opdiv} only.`,
    });
  }
  return refusals;
}

/**
 * R-MATCH-1 from the pair's history: no second open invitation to one mentor, and none to a mentor who declined
 * this mentee before (the scorer leaves both out of the suggestions for the same reason).
 */
export function pairHistoryRefusals(
  mentor: MentorProfile,
  mentee: MenteeProfile,
  purpose: PairPurpose = 'invite',
): Refusal[] {
  if (purpose === 'confirm') return [];
  if (purpose === 'invite' && mentee.invitedMentorIds.includes(mentor.employeeId))
    return [{ rule: 'R-MATCH-1', detail: 'An invitation to this mentor is already open.' }];
  if (mentee.declinedByMentorIds.includes(mentor.employeeId))
    return [
      {
        rule: 'R-MATCH-1',
        detail: 'This mentor declined an earlier invitation; choose another mentor.',
      },
    ];
  return [];
}

export interface PairEligibilityInput {
  mentor: MentorProfile;
  mentee: MenteeProfile;
  /** Defaults to the platform the mentee asked for. */
  platform?: Platform;
  supervisorOf: SupervisorLookup;
  settings: ProgramSettings;
  purpose?: PairPurpose;
}

/**
 * Everything that decides whether this mentee may invite (confirm, or be shortlisted with) this mentor. R-INV-1
 * and R-MATCH-1's history come first and alone: the other rules say nothing useful about such a pair.
 */
export function checkPairEligibility(input: PairEligibilityInput): EligibilityResult {
  const { mentor, mentee, supervisorOf, settings, purpose = 'invite' } = input;
  const platform = input.platform ?? mentee.platform;
  const hard = hardRuleRefusals({ mentor: mentor.employee, mentee: mentee.employee, platform, supervisorOf });
  if (hard[0]?.rule === 'R-INV-1') return result(hard);
  const history = pairHistoryRefusals(mentor, mentee, purpose);
  if (history.length > 0) return result(history);
  return result([
    ...hard,
    ...mentorAvailabilityRefusals(mentor, mentee, platform),
    ...capacityRefusals({ mentor, mentee, settings, purpose }),
  ]);
}
