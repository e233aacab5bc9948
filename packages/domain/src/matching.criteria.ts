import type { Grade } from './grades.js';
import {
  COMMUNICATION_METHOD_NAMES,
  type CommunicationMethod,
  type EmployeeFacts,
  type LocationPreference,
  type Platform,
} from './types.js';

export type CriterionKey = 'needs' | 'goals' | 'platform' | 'geography' | 'communication' | 'capacity';
export const CRITERION_KEYS: readonly CriterionKey[] = ['needs', 'goals', 'platform', 'geography', 'communication', 'capacity'];

export interface CriterionScore {
  score: number;
  explanation: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Ranked needs: the i-th of n needs weighs n - i, so the mentee's first need counts most. */
export function scoreNeeds(needs: readonly string[], expertise: ReadonlySet<string>, name: (code: string) => string): CriterionScore {
  const n = needs.length;
  if (n === 0) return { score: 0, explanation: 'You listed no development needs' };
  let got = 0;
  const covered: string[] = [];
  needs.forEach((code, i) => {
    if (!expertise.has(code)) return;
    got += n - i;
    covered.push(name(code));
  });
  const score = got / ((n * (n + 1)) / 2);
  if (covered.length === 0) return { score, explanation: `Covers none of your ${plural(n, 'development need')}` };
  return { score, explanation: `Covers ${covered.length} of your ${plural(n, 'development need')}: ${covered.join(', ')}` };
}

/** Cosine similarity saturates at 0.5: a short goals text rarely gets closer to a whole career history. */
export function scoreGoals(cosine: number, sharedTerms: readonly string[]): CriterionScore {
  const score = Math.min(1, 2 * cosine);
  if (sharedTerms.length === 0) return { score, explanation: 'Your goals and their career share no key terms' };
  return { score, explanation: `Your goals and their career share: ${sharedTerms.join(', ')}` };
}

/** S2J eligibility already demands a higher grade; for P2P a closer grade is better (one step off = 0.75). */
export function scorePlatform(platform: Platform, mentor: Grade, mentee: Grade): CriterionScore {
  if (platform === 's2j') return { score: 1, explanation: `Senior-to-Junior: ${mentor.label} mentoring your ${mentee.label}` };
  const gap = Math.abs(mentor.rank - mentee.rank);
  const score = Math.max(0, 1 - gap / 4);
  if (gap === 0) return { score, explanation: `Peer-to-Peer at your grade (${mentee.label})` };
  return { score, explanation: `Peer-to-Peer, ${gap} grade${gap === 1 ? '' : 's'} apart (${mentor.label}; you are ${mentee.label})` };
}

export function scoreGeography(pref: LocationPreference, mentor: EmployeeFacts, mentee: EmployeeFacts): CriterionScore {
  switch (pref) {
    case 'no_preference':
      return { score: 1, explanation: 'You have no location preference' };
    case 'same_opdiv':
      return mentor.opdiv === mentee.opdiv
        ? { score: 1, explanation: `Works in your OPDIV (${mentee.opdiv})` }
        : { score: 0, explanation: `Works in ${mentor.opdiv}, not your OPDIV` };
    case 'cross_opdiv':
      return mentor.opdiv !== mentee.opdiv
        ? { score: 1, explanation: `Works in ${mentor.opdiv}: a cross-OPDIV "One HHS" match` }
        : { score: 0, explanation: `Works in your own OPDIV (${mentee.opdiv}); you asked for cross-OPDIV` };
    case 'same_location':
      if (mentor.city === mentee.city && mentor.state === mentee.state)
        return { score: 1, explanation: `Works in your city (${mentee.city}, ${mentee.state})` };
      if (mentor.state === mentee.state) return { score: 0.6, explanation: `Works in your state (${mentee.state})` };
      if (mentor.timeZone === mentee.timeZone) return { score: 0.3, explanation: `Works in your time zone (${mentee.timeZone})` };
      return { score: 0, explanation: `Works in ${mentor.city}, ${mentor.state}, away from your location` };
  }
}

export function scoreCommunication(mentee: readonly CommunicationMethod[], mentor: readonly CommunicationMethod[]): CriterionScore {
  if (mentee.length === 0) return { score: 1, explanation: 'You listed no communication preference' };
  const shared = mentee.filter((m) => mentor.includes(m));
  const names = shared.map((m) => COMMUNICATION_METHOD_NAMES[m]).join(', ');
  const explanation =
    shared.length === 0
      ? 'Shares none of your communication methods'
      : `Shares ${shared.length} of your ${plural(mentee.length, 'communication method')}: ${names}`;
  return { score: shared.length / mentee.length, explanation };
}

/** Spreads load: a mentor with more free places scores higher. */
export function scoreCapacity(remaining: number, capacity: number): CriterionScore {
  const score = capacity > 0 ? remaining / capacity : 0;
  return { score, explanation: `Has ${remaining} of ${plural(capacity, 'mentee place')} free` };
}
