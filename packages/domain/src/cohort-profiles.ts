import {
  DEFAULT_COHORT_TOP_K,
  solveFromSource,
  type CohortEdge,
  type CohortOptions,
  type CohortResult,
} from './cohort-matching.js';
import { gainOf, type CandidateSource } from './cohort-repair.js';
import { competencyName as defaultCompetencyName } from './competencies.js';
import { remainingCapacity } from './eligibility.js';
import { explainer } from './matching.explain.js';
import { buildMentorIndex, type MentorIndex } from './matching.index.js';
import { rankCandidates } from './matching.rank.js';
import { mentorChains } from './reporting-chain.js';
import { reasonsOf, type ScoreOptions } from './matching.scorer.js';
import { goalsQuery, matchGoalsOne, type GoalsQuery } from './matching.goals.js';
import { candidateTotals, totalsScratch } from './matching.totals.js';
import type { ProgramSettings } from './settings.js';
import type { MenteeProfile, MentorProfile } from './types.js';

/** A proposed pair with the auto-matching reasons a person reads before approving it (R-MATCH-1). */
export interface ExplainedCohortEdge extends CohortEdge {
  reasons: string[];
}

export interface ExplainedCohortResult extends CohortResult {
  pairs: ExplainedCohortEdge[];
}

/** Every mentor a mentee's pages offered, and its weighted goals, so a chosen pair is explained without scoring it again. */
interface ScoredPage {
  mentor: number[];
  goals: GoalsQuery;
}

/** One mentee's eligible mentors and their gains (hundredths of a point), kept so a repair round does not score again. */
interface MenteeScores {
  k: number;
  kept: number[];
  keptScores: number[];
  beyond: number;
  candidates: Int32Array;
  gains: Int32Array;
  confirm: (i: number) => boolean;
}

/**
 * Eligible pairs remembered across repair rounds, at most this many (8 bytes each), and only for the mentees the
 * certificate checks (the first pass, which most mentees never leave, copies nothing): a widened mentee is scored
 * once more, then its list serves the later rounds; past the limit it is scored again each round (decision 0644).
 */
export const COHORT_SCORE_CACHE_PAIRS = 4_000_000;

/**
 * Pages of each mentee's ranking straight from the scorer's totals: numbers only (sentences are built for the chosen
 * pairs alone), the (k+1)-th total as the bound on everyone left out. Checked against prices, the (up to) k eligible
 * mentors whose score − price beats its value the most join the page (R-MATCH-4-OPT); the S2J chain rule is walked
 * only for those. Scores come from one scratch (no arrays per mentee); a checked mentee's are remembered for the later
 * rounds within `cachePairs`; without room it is scored again, with the same numbers.
 */
function scorerSource(
  mentees: ReadonlyMap<string, MenteeProfile>,
  index: MentorIndex,
  settings: ProgramSettings,
  opts: ScoreOptions,
  pages: Map<string, ScoredPage>,
  cachePairs: number,
): CandidateSource {
  const chains = mentorChains(
    index.mentors.map((m) => m.employeeId),
    opts.supervisorOf,
  );
  const scratch = totalsScratch(index);
  const remembered = new Map<string, MenteeScores>();
  let room = cachePairs;
  const scoresOf = (menteeId: string, k: number, checking: boolean): MenteeScores => {
    const known = remembered.get(menteeId);
    if (known?.k === k) return known;
    const mentee = mentees.get(menteeId)!;
    const page = pages.get(menteeId);
    const goals = page?.goals ?? goalsQuery(mentee.goalsText, index);
    if (!page) pages.set(menteeId, { mentor: [], goals });
    const totals = candidateTotals(mentee, index, settings, opts.supervisorOf, {
      chains,
      scratch,
      goals,
      sharedTerms: false,
    });
    const ranked = rankCandidates(totals, index.facets.idOrder, k + 1);
    const count = totals.count;
    // Only a mentee the certificate checks needs its whole list again (in later rounds): the first pass copies nothing.
    const keep = checking && count <= room;
    const candidates = new Int32Array(checking ? count : 0);
    const gains = new Int32Array(candidates.length);
    for (let c = 0; c < candidates.length; c++) {
      const i = totals.candidates[c]!;
      candidates[c] = i;
      gains[c] = gainOf(totals.totals[i]!);
    }
    const scores: MenteeScores = {
      k,
      kept: Array.from(ranked.subarray(0, k)),
      keptScores: Array.from(ranked.subarray(0, k), (i) => totals.totals[i]!),
      beyond: ranked.length > k ? totals.totals[ranked[k]!]! : 0,
      candidates,
      gains,
      confirm: totals.confirm,
    };
    if (keep) {
      room -= count;
      remembered.set(menteeId, scores);
    }
    return scores;
  };
  return (menteeId, k, check) => {
    const { kept: first, keptScores, beyond, candidates, gains, confirm } = scoresOf(menteeId, k, !!check);
    const kept = [...first];
    const scoreOf = (i: number, at: number) =>
      at < first.length ? keptScores[at]! : gainsScore(i, candidates, gains);
    let beyondReduced: number | undefined;
    if (check) {
      const inPage = new Set(kept);
      const improving: Array<{ i: number; reduced: number }> = [];
      let worst = 0;
      for (let c = 0; c < candidates.length; c++) {
        const i = candidates[c]!;
        if (inPage.has(i)) continue;
        const reduced = gains[c]! - check.price[i]!;
        if (reduced > check.value) improving.push({ i, reduced });
        else worst = Math.max(worst, reduced);
      }
      improving.sort(
        (a, b) => b.reduced - a.reduced || index.facets.idOrder[a.i]! - index.facets.idOrder[b.i]!,
      );
      let added = 0;
      for (const { i, reduced } of improving) {
        if (added === k) worst = Math.max(worst, reduced);
        else if (confirm(i)) {
          kept.push(i);
          added++;
        }
      }
      beyondReduced = worst / 100;
    }
    const page = pages.get(menteeId)!;
    const seen = new Set(page.mentor);
    for (const i of kept) if (!seen.has(i)) page.mentor.push(i);
    return {
      edges: kept.map((i, at) => ({
        menteeId,
        mentorId: index.mentors[i]!.employeeId,
        score: scoreOf(i, at),
      })),
      beyond,
      beyondReduced,
    };
  };
}

/** A candidate's total from its gain (exactly the scorer's two-decimal total: gain / 100). */
function gainsScore(i: number, candidates: Int32Array, gains: Int32Array): number {
  let lo = 0;
  let hi = candidates.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (candidates[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  if (candidates[lo] !== i) throw new Error(`mentor ${i} is not a candidate`);
  return gains[lo]! / 100;
}

/** The reasons of one scored pair, as the mentee's suggestions would give them (explainer of matching.explain.ts). */
function explainPairs(
  pairs: readonly CohortEdge[],
  mentees: ReadonlyMap<string, MenteeProfile>,
  index: MentorIndex,
  settings: ProgramSettings,
  opts: ScoreOptions,
  pages: ReadonlyMap<string, ScoredPage>,
): ExplainedCohortEdge[] {
  const cosine = new Float64Array(index.mentors.length);
  const sharedMask = new Uint32Array(index.mentors.length);
  return pairs.map((p) => {
    const page = pages.get(p.menteeId)!;
    const i = page.mentor.find((m) => index.mentors[m]!.employeeId === p.mentorId)!;
    const one = matchGoalsOne(page.goals, index, i);
    cosine[i] = one.cosine;
    sharedMask[i] = one.sharedMask;
    const explain = explainer(
      mentees.get(p.menteeId)!,
      index,
      { goals: { cosine, sharedMask, terms: page.goals.terms } },
      settings,
      opts.competencyName ?? defaultCompetencyName,
    );
    return { ...p, reasons: reasonsOf(explain(i)) };
  });
}

/**
 * R-MATCH-4 from profiles: edges are the auto-matching scores (so only R-MATCH-1-eligible pairs: the §3 hard rules,
 * R-CAP-1 room, R-APP-2 availability), mentees who already have a live relationship (R-CAP-2) or whose invitations are
 * full (R-CAP-3) are left out with that reason. The index is built over every mentor given, as the suggestions'
 * index is, so a pair's score and reasons are the ones the mentee would see among their suggestions. Each mentee is
 * scored once for its best K (plus one, the bound on the rest), again only if the certificate needs more of its
 * edges (R-MATCH-4-OPT, docs/decisions/0640).
 */
export function cohortFromProfiles(
  mentees: readonly MenteeProfile[],
  mentors: readonly MentorProfile[],
  settings: ProgramSettings,
  opts: ScoreOptions & CohortOptions & { cachePairs?: number },
): ExplainedCohortResult {
  const index = buildMentorIndex(mentors);
  const blocked: CohortResult['unmatched'] = [];
  const open = new Map<string, MenteeProfile>();
  for (const mentee of mentees) {
    if (mentee.hasLiveRelationship)
      blocked.push({ menteeId: mentee.employeeId, reason: 'R-CAP-2: already in a mentoring relationship.' });
    else if (mentee.openInvitationCount >= settings.maxOpenInvitations)
      blocked.push({
        menteeId: mentee.employeeId,
        reason: 'R-CAP-3: already has the maximum number of open invitations.',
      });
    else open.set(mentee.employeeId, mentee);
  }
  const capacities = mentors.map((m) => ({
    id: m.employeeId,
    remainingCapacity: remainingCapacity(m, settings),
  }));
  const pages = new Map<string, ScoredPage>();
  const ids = [...open.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const source = scorerSource(
    open,
    index,
    settings,
    opts,
    pages,
    opts.cachePairs ?? COHORT_SCORE_CACHE_PAIRS,
  );
  const result = solveFromSource(
    ids,
    capacities,
    source,
    { ...opts, topK: opts.topK ?? DEFAULT_COHORT_TOP_K },
    (id) => (pages.get(id)?.mentor.length ?? 0) > 0,
  );
  return {
    ...result,
    pairs: explainPairs(result.pairs, open, index, settings, opts, pages),
    unmatched: [...result.unmatched, ...blocked],
  };
}
