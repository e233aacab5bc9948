import { effectiveCapacity, remainingCapacity } from './eligibility.js';
import {
  capacityScore,
  communicationScore,
  geographyScore,
  goalsScore,
  platformScore,
} from './matching.criteria.js';
import type { MentorClasses } from './matching.facets.js';
import { matchGoals, type GoalsMatch } from './matching.goals.js';
import type { MentorIndex } from './matching.index.js';
import {
  chainTesterFor,
  chainTesterOver,
  type MentorChains,
  type SupervisorLookup,
} from './reporting-chain.js';
import type { ProgramSettings } from './settings.js';
import type { MenteeProfile, MentorProfile } from './types.js';

export interface CandidateTotals {
  /** Indexes of the eligible mentors, ascending; only the first `count` are set. */
  candidates: Int32Array;
  count: number;
  /** Weighted total (0..100, two decimals) by mentor index; set for candidates only. */
  totals: Float64Array;
  goals: GoalsMatch;
  /**
   * The one check left for ranking time: the S2J reporting-chain rule (R-PLAT-1), the only test that walks the
   * directory. A page needs it only for the mentors good enough to enter the page.
   */
  confirm: (i: number) => boolean;
}

/**
 * R-MATCH-1 eligibility and totals for every indexed mentor. Eligibility is a boolean re-statement of
 * checkPairEligibility, cheapest tests first (the mentee's history, availability, platform, capacity, OPDIV choice,
 * then the S2J grade rule; the chain rule is left to `confirm`); matching.scorer.test.ts checks they agree. Each
 * criterion is evaluated once per class of mentors by the criterion functions themselves, and the sum keeps their
 * order, so totals are bit-for-bit unchanged. `chains` (mentorChains over the index's mentors, built once for many
 * mentees) makes the chain rule a scan of a few integers.
 */
export function candidateTotals(
  mentee: MenteeProfile,
  index: MentorIndex,
  settings: ProgramSettings,
  supervisorOf: SupervisorLookup,
  chains?: MentorChains,
): CandidateTotals {
  const { mentors, facets: f } = index;
  const n = mentors.length;
  const me = mentee.employee;
  const perClass = (classes: MentorClasses, value: (m: MentorProfile) => number) =>
    Float64Array.from(classes.reps, (r) => value(mentors[r]!));
  const offers = perClass(f.platforms, (m) => (m.platforms.includes(mentee.platform) ? 1 : 0));
  const remaining = perClass(f.load, (m) => remainingCapacity(m, settings));
  const capacity = perClass(f.load, (m) =>
    capacityScore(remainingCapacity(m, settings), effectiveCapacity(m, settings)),
  );
  const sameOpdiv = perClass(f.place, (m) => (m.employee.opdiv === me.opdiv ? 1 : 0));
  const geography = perClass(f.place, (m) => geographyScore(mentee.locationPreference, m.employee, me));
  const rank = perClass(f.grade, (m) => m.employee.grade.rank);
  const platform = perClass(f.grade, (m) => platformScore(mentee.platform, m.employee.grade, me.grade));
  const communication = perClass(f.communication, (m) =>
    communicationScore(mentee.communicationMethods, m.communicationMethods),
  );

  const blocked = new Uint8Array(n);
  for (const id of [mentee.employeeId, ...mentee.invitedMentorIds, ...mentee.declinedByMentorIds]) {
    for (const i of f.positions.get(id) ?? []) blocked[i] = 1;
  }
  // needsScore: the k-th of nn ranked needs weighs nn - k; summed over the competency postings (exact integers).
  const needs = mentee.developmentalNeeds;
  const nn = needs.length;
  const covered = new Float64Array(n);
  needs.forEach((code, k) => {
    const postings = f.competencyPostings.get(code) ?? [];
    for (let j = 0; j < postings.length; j++) covered[postings[j]!] = covered[postings[j]!]! + (nn - k);
  });
  const needsTotal = (nn * (nn + 1)) / 2;
  const goals = matchGoals(mentee.goalsText, index);

  const w = settings.weights;
  const weights = w.needs + w.goals + w.platform + w.geography + w.communication + w.capacity;
  const s2j = mentee.platform === 's2j';
  const candidates = new Int32Array(n);
  const totals = new Float64Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (blocked[i] || !f.available[i] || !offers[f.platforms.of[i]!]) continue;
    const load = f.load.of[i]!;
    const place = f.place.of[i]!;
    const grade = f.grade.of[i]!;
    if (remaining[load]! <= 0 || (!f.acceptsOtherOpdivs[i] && !sameOpdiv[place])) continue;
    if (s2j && !(rank[grade]! > me.grade.rank)) continue;
    const points =
      w.needs * (nn === 0 ? 0 : covered[i]! / needsTotal) +
      w.goals * goalsScore(goals.cosine[i]!) +
      w.platform * platform[grade]! +
      w.geography * geography[place]! +
      w.communication * communication[f.communication.of[i]!]! +
      w.capacity * capacity[load]!;
    totals[i] = weights > 0 ? Math.round((points / weights) * 10000) / 100 : 0;
    candidates[count++] = i;
  }
  return {
    candidates,
    count,
    totals,
    goals,
    confirm: s2j ? outsideChain(mentee.employeeId, index, supervisorOf, chains) : () => true,
  };
}

/** The S2J chain rule as a test per mentor index; walked only for S2J mentees (R-PLAT-1). */
function outsideChain(
  menteeId: string,
  index: MentorIndex,
  supervisorOf: SupervisorLookup,
  chains?: MentorChains,
): (i: number) => boolean {
  if (chains) {
    if (chains.mentorIds.length !== index.mentors.length)
      throw new Error('mentor chains were built for another mentor index');
    const sameChain = chainTesterOver(chains, menteeId, supervisorOf);
    return (i) => !sameChain(i);
  }
  const sameChain = chainTesterFor(menteeId, supervisorOf);
  return (i) => !sameChain(index.mentors[i]!.employeeId);
}
