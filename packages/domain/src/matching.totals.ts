import { effectiveCapacity, remainingCapacity } from './eligibility.js';
import {
  capacityScore,
  communicationScore,
  geographyScore,
  goalsScore,
  platformScore,
} from './matching.criteria.js';
import type { MentorClasses } from './matching.facets.js';
import { matchGoals, type GoalsMatch, type GoalsQuery } from './matching.goals.js';
import type { MentorIndex } from './matching.index.js';
import {
  chainTesterFor,
  chainTesterOver,
  type MentorChains,
  type SupervisorLookup,
} from './reporting-chain.js';
import type { ProgramSettings } from './settings.js';
import type { MenteeProfile, MentorProfile } from './types.js';

const SEP = '\u0000';

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
 * Buffers for ranking many mentees against one index, one after another (a cohort, or requests on one event loop):
 * with a scratch, the arrays of a `CandidateTotals` are views into it, valid until the next call with the same scratch.
 */
export interface TotalsScratch {
  readonly index: MentorIndex;
  readonly candidates: Int32Array;
  readonly totals: Float64Array;
  readonly covered: Float64Array;
  readonly blocked: Uint8Array;
  readonly cosine: Float64Array;
  readonly sharedMask: Uint32Array;
  /**
   * The mentors that pass every eligibility test that does not name the mentee (availability, platform, room, OPDIV
   * choice, S2J grade), by (platform, OPDIV, S2J grade rank), for the settings (as JSON) they were computed with.
   */
  readonly eligible: Map<string, Int32Array>;
  /**
   * Each criterion's value per class of mentors, by the criterion and the mentee fields it reads (see `perClass` in
   * candidateTotals), for the same settings as `eligible`: mentees who share a city, a grade or a way of meeting share
   * the numbers instead of evaluating the criterion again for every class. Bounded by PER_CLASS_ENTRIES.
   */
  readonly perClass: Map<string, Float64Array>;
  eligibleSettings?: string;
  /** The settings object `eligibleSettings` was last compared with: the same object is not stringified again. */
  eligibleSettingsObject?: ProgramSettings;
}

/**
 * At most this many remembered per-class arrays in a scratch (a few hundred classes of 8 bytes each): a department
 * has far fewer distinct (city, grade, platform, ways of meeting) combinations; past it the memory starts again.
 */
const PER_CLASS_ENTRIES = 4096;

export function totalsScratch(index: MentorIndex): TotalsScratch {
  const n = index.mentors.length;
  return {
    index,
    candidates: new Int32Array(n),
    totals: new Float64Array(n),
    covered: new Float64Array(n),
    blocked: new Uint8Array(n),
    cosine: new Float64Array(n),
    sharedMask: new Uint32Array(n),
    eligible: new Map(),
    perClass: new Map(),
  };
}

export interface TotalsOptions {
  /** mentorChains over the index's mentors, built once for many mentees: the chain rule as a scan of integers. */
  chains?: MentorChains;
  /** Reused buffers (see TotalsScratch); must belong to this index. */
  scratch?: TotalsScratch;
  /** The mentee's goals already weighted (goalsQuery), when the same mentee is ranked again. */
  goals?: GoalsQuery;
  /**
   * Whether `goals.sharedMask` is filled (default true): the terms a pair's reasons name. A caller that explains its
   * pairs with matchGoalsOne (a cohort) passes false and the masks stay zero.
   */
  sharedTerms?: boolean;
}

/** r / 100 for every r a total can round to, so the per-pair loop does one division instead of three (same numbers). */
const HUNDREDTHS = Float64Array.from({ length: 10001 }, (_, r) => r / 100);

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
  { chains, scratch, goals: query, sharedTerms = true }: TotalsOptions = {},
): CandidateTotals {
  const { mentors, facets: f } = index;
  if (scratch && scratch.index !== index)
    throw new Error('totals scratch was built for another mentor index');
  const n = mentors.length;
  const me = mentee.employee;
  if (scratch && scratch.eligibleSettingsObject !== settings) {
    // A cohort passes one settings object for every mentee; a request may pass an equal copy, compared as JSON.
    const settingsKey = JSON.stringify(settings);
    if (scratch.eligibleSettings !== settingsKey) {
      scratch.eligible.clear();
      scratch.perClass.clear();
      scratch.eligibleSettings = settingsKey;
    }
    scratch.eligibleSettingsObject = settings;
  }
  // `key` names the criterion and every mentee field its `value` reads: mentees with the same key get the same array.
  const perClass = (key: string, classes: MentorClasses, value: (m: MentorProfile) => number) => {
    const known = scratch?.perClass.get(key);
    if (known) return known;
    const values = new Float64Array(classes.reps.length);
    for (let c = 0; c < values.length; c++) values[c] = value(mentors[classes.reps[c]!]!);
    if (scratch) {
      if (scratch.perClass.size >= PER_CLASS_ENTRIES) scratch.perClass.clear();
      scratch.perClass.set(key, values);
    }
    return values;
  };
  const offers = perClass(`offers${SEP}${mentee.platform}`, f.platforms, (m) =>
    m.platforms.includes(mentee.platform) ? 1 : 0,
  );
  const remaining = perClass('remaining', f.load, (m) => remainingCapacity(m, settings));
  const capacity = perClass('capacity', f.load, (m) =>
    capacityScore(remainingCapacity(m, settings), effectiveCapacity(m, settings)),
  );
  const sameOpdiv = perClass(`opdiv${SEP}${me.opdiv}`, f.place, (m) =>
    m.employee.opdiv === me.opdiv ? 1 : 0,
  );
  const geography = perClass(
    ['geography', mentee.locationPreference, me.opdiv, me.city, me.state, me.timeZone].join(SEP),
    f.place,
    (m) => geographyScore(mentee.locationPreference, m.employee, me),
  );
  const rank = perClass('rank', f.grade, (m) => m.employee.grade.rank);
  const platform = perClass(
    ['platform', mentee.platform, me.grade.rank, me.grade.label].join(SEP),
    f.grade,
    (m) => platformScore(mentee.platform, m.employee.grade, me.grade),
  );
  const communication = perClass(
    ['communication', ...mentee.communicationMethods].join(SEP),
    f.communication,
    (m) => communicationScore(mentee.communicationMethods, m.communicationMethods),
  );

  const blocked = scratch ? scratch.blocked.fill(0) : new Uint8Array(n);
  for (const id of [mentee.employeeId, ...mentee.invitedMentorIds, ...mentee.declinedByMentorIds]) {
    for (const i of f.positions.get(id) ?? []) blocked[i] = 1;
  }
  // needsScore: the k-th of nn ranked needs weighs nn - k; summed over the competency postings (exact integers).
  const needs = mentee.developmentalNeeds;
  const nn = needs.length;
  const covered = scratch ? scratch.covered.fill(0) : new Float64Array(n);
  for (let k = 0; k < nn; k++) {
    const postings = f.competencyPostings.get(needs[k]!);
    if (!postings) continue;
    for (let j = 0; j < postings.length; j++) covered[postings[j]!] = covered[postings[j]!]! + (nn - k);
  }
  const needsTotal = (nn * (nn + 1)) / 2;
  // covered[i] is a whole number from 0 to needsTotal: each share divided once here, not once per mentor.
  const needsShare = new Float64Array(needsTotal + 1);
  for (let c = 1; c <= needsTotal; c++) needsShare[c] = c / needsTotal;
  const goals = matchGoals(query ?? mentee.goalsText, index, scratch, { sharedTerms });

  const w = settings.weights;
  const weights = w.needs + w.goals + w.platform + w.geography + w.communication + w.capacity;
  const s2j = mentee.platform === 's2j';
  const candidates = scratch ? scratch.candidates : new Int32Array(n);
  const totals = scratch ? scratch.totals : new Float64Array(n);
  // Locals for everything the loop reads: it runs once per mentor for every mentee of a cohort.
  const { available, acceptsOtherOpdivs } = f;
  const platformsOf = f.platforms.of;
  const loadOf = f.load.of;
  const placeOf = f.place.of;
  const gradeOf = f.grade.of;
  const communicationOf = f.communication.of;
  const cosine = goals.cosine;
  const myRank = me.grade.rank;
  const { needs: wNeeds, goals: wGoals, platform: wPlatform, geography: wGeography } = w;
  const { communication: wCommunication, capacity: wCapacity } = w;
  const eligibleKey = `${mentee.platform}${SEP}${me.opdiv}${SEP}${s2j ? myRank : ''}`;
  let eligible = scratch?.eligible.get(eligibleKey);
  if (!eligible) {
    const list = new Int32Array(n);
    let size = 0;
    for (let i = 0; i < n; i++) {
      if (!available[i] || !offers[platformsOf[i]!]) continue;
      if (remaining[loadOf[i]!]! <= 0 || (!acceptsOtherOpdivs[i] && !sameOpdiv[placeOf[i]!])) continue;
      if (s2j && !(rank[gradeOf[i]!]! > myRank)) continue;
      list[size++] = i;
    }
    eligible = list.slice(0, size);
    scratch?.eligible.set(eligibleKey, eligible);
  }
  let count = 0;
  for (let c = 0; c < eligible.length; c++) {
    const i = eligible[c]!;
    if (blocked[i]) continue;
    const load = loadOf[i]!;
    const place = placeOf[i]!;
    const grade = gradeOf[i]!;
    const got = covered[i]!;
    const points =
      wNeeds * (nn === 0 ? 0 : got <= needsTotal ? needsShare[got]! : got / needsTotal) +
      wGoals * goalsScore(cosine[i]!) +
      wPlatform * platform[grade]! +
      wGeography * geography[place]! +
      wCommunication * communication[communicationOf[i]!]! +
      wCapacity * capacity[load]!;
    const r = weights > 0 ? Math.round((points / weights) * 10000) : 0;
    totals[i] = r >= 0 && r <= 10000 ? HUNDREDTHS[r]! : r / 100;
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
