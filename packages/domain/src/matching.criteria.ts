import type { Grade } from './grades.js';
import {
  COMMUNICATION_METHOD_NAMES,
  type CommunicationMethod,
  type EmployeeFacts,
  type LocationPreference,
  type Platform,
} from './types.js';

export type CriterionKey = 'needs' | 'goals' | 'platform' | 'geography' | 'communication' | 'capacity';
export const CRITERION_KEYS: readonly CriterionKey[] = [
  'needs',
  'goals',
  'platform',
  'geography',
  'communication',
  'capacity',
];

export interface CriterionScore {
  score: number;
  explanation: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/*
 * Each criterion has a numeric score (used to rank thousands of mentors without allocating) and a scoreX function
 * that adds the sentence; the sentence version always takes its number from the numeric one.
 */

/** Ranked needs: the i-th of n needs weighs n - i, so the mentee's first need counts most. */
export function needsScore(needs: readonly string[], expertise: ReadonlySet<string>): number {
  const n = needs.length;
  let got = 0;
  for (let i = 0; i < n; i++) if (expertise.has(needs[i]!)) got += n - i;
  return n === 0 ? 0 : got / ((n * (n + 1)) / 2);
}

export function scoreNeeds(
  needs: readonly string[],
  expertise: ReadonlySet<string>,
  name: (code: string) => string,
): CriterionScore {
  const n = needs.length;
  const score = needsScore(needs, expertise);
  if (n === 0) return { score, explanation: 'You listed no development needs' };
  const covered = needs.filter((code) => expertise.has(code)).map(name);
  if (covered.length === 0)
    return { score, explanation: `Covers none of your ${plural(n, 'development need')}` };
  return {
    score,
    explanation: `Covers ${covered.length} of your ${plural(n, 'development need')}: ${covered.join(', ')}`,
  };
}

/** Cosine similarity saturates at 0.5: a short goals text rarely gets closer to a whole career history. */
export function goalsScore(cosine: number): number {
  return Math.min(1, 2 * cosine);
}

export function scoreGoals(cosine: number, sharedTerms: readonly string[]): CriterionScore {
  const score = goalsScore(cosine);
  if (sharedTerms.length === 0)
    return { score, explanation: 'Your goals and their career share no key terms' };
  return { score, explanation: `Your goals and their career share: ${sharedTerms.join(', ')}` };
}

/** S2J eligibility already demands a higher grade; for P2P a closer grade is better (one step off = 0.75). */
export function platformScore(platform: Platform, mentor: Grade, mentee: Grade): number {
  return platform === 's2j' ? 1 : Math.max(0, 1 - Math.abs(mentor.rank - mentee.rank) / 4);
}

export function scorePlatform(platform: Platform, mentor: Grade, mentee: Grade): CriterionScore {
  const score = platformScore(platform, mentor, mentee);
  if (platform === 's2j')
    return { score, explanation: `Senior-to-Junior: ${mentor.label} mentoring your ${mentee.label}` };
  const gap = Math.abs(mentor.rank - mentee.rank);
  if (gap === 0) return { score, explanation: `Peer-to-Peer at your grade (${mentee.label})` };
  return {
    score,
    explanation: `Peer-to-Peer, ${gap} grade${gap === 1 ? '' : 's'} apart (${mentor.label}; you are ${mentee.label})`,
  };
}

/** same_location: same city 1, same state 0.6, same time zone 0.3. */
export function geographyScore(
  pref: LocationPreference,
  mentor: EmployeeFacts,
  mentee: EmployeeFacts,
): number {
  switch (pref) {
    case 'no_preference':
      return 1;
    case 'same_opdiv':
      return mentor.opdiv === mentee.opdiv ? 1 : 0;
    case 'cross_opdiv':
      return mentor.opdiv !== mentee.opdiv ? 1 : 0;
    case 'same_location':
      if (mentor.state !== mentee.state) return mentor.timeZone === mentee.timeZone ? 0.3 : 0;
      return mentor.city === mentee.city ? 1 : 0.6;
  }
}

function geographySentence(
  pref: LocationPreference,
  score: number,
  mentor: EmployeeFacts,
  mentee: EmployeeFacts,
): string {
  switch (pref) {
    case 'no_preference':
      return 'You have no location preference';
    case 'same_opdiv':
      return score ? `Works in your OPDIV (${mentee.opdiv})` : `Works in ${mentor.opdiv}, not your OPDIV`;
    case 'cross_opdiv':
      return score
        ? `Works in ${mentor.opdiv}: a cross-OPDIV "One HHS" match`
        : `Works in your own OPDIV (${mentee.opdiv}); you asked for cross-OPDIV`;
    case 'same_location':
      if (score === 1) return `Works in your city (${mentee.city}, ${mentee.state})`;
      if (score === 0.6) return `Works in your state (${mentee.state})`;
      if (score === 0.3) return `Works in your time zone (${mentee.timeZone})`;
      return `Works in ${mentor.city}, ${mentor.state}, away from your location`;
  }
}

export function scoreGeography(
  pref: LocationPreference,
  mentor: EmployeeFacts,
  mentee: EmployeeFacts,
): CriterionScore {
  const score = geographyScore(pref, mentor, mentee);
  return { score, explanation: geographySentence(pref, score, mentor, mentee) };
}

export function communicationScore(
  mentee: readonly CommunicationMethod[],
  mentor: readonly CommunicationMethod[],
): number {
  if (mentee.length === 0) return 1;
  let shared = 0;
  for (const m of mentee) if (mentor.includes(m)) shared++;
  return shared / mentee.length;
}

export function scoreCommunication(
  mentee: readonly CommunicationMethod[],
  mentor: readonly CommunicationMethod[],
): CriterionScore {
  if (mentee.length === 0) return { score: 1, explanation: 'You listed no communication preference' };
  const shared = mentee.filter((m) => mentor.includes(m));
  const names = shared.map((m) => COMMUNICATION_METHOD_NAMES[m]).join(', ');
  const explanation =
    shared.length === 0
      ? 'Shares none of your communication methods'
      : `Shares ${shared.length} of your ${plural(mentee.length, 'communication method')}: ${names}`;
  return { score: communicationScore(mentee, mentor), explanation };
}

/** Spreads load: a mentor with more free places scores higher. */
export function capacityScore(remaining: number, capacity: number): number {
  return capacity > 0 ? remaining / capacity : 0;
}

export function scoreCapacity(remaining: number, capacity: number): CriterionScore {
  const score = capacityScore(remaining, capacity);
  return { score, explanation: `Has ${remaining} of ${plural(capacity, 'mentee place')} free` };
}
