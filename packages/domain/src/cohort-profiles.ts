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
import { candidateTotals } from './matching.totals.js';
import type { ProgramSettings } from './settings.js';
import type { MenteeProfile, MentorProfile } from './types.js';

/** A proposed pair with the auto-matching reasons a person reads before approving it (R-MATCH-1). */
export interface ExplainedCohortEdge extends CohortEdge {
  reasons: string[];
}

export interface ExplainedCohortResult extends CohortResult {
  pairs: ExplainedCohortEdge[];
}

/** Every mentor a mentee's pages offered, with what explaining that pair needs, so the mentee is not scored again for its sentences. */
interface ScoredPage {
  mentor: number[];
  cosine: number[];
  sharedMask: number[];
  terms: string[];
}

/**
 * Pages of each mentee's ranking straight from the scorer's totals: numbers only (sentences are built for the chosen
 * pairs alone), the (k+1)-th total as the bound on everyone left out. Checked against prices, the mentee is scored
 * again and the (up to) k eligible mentors whose score − price beats its value the most join the page
 * (R-MATCH-4-OPT); the S2J chain rule is walked only for those.
 */
function scorerSource(
  mentees: ReadonlyMap<string, MenteeProfile>,
  index: MentorIndex,
  settings: ProgramSettings,
  opts: ScoreOptions,
  pages: Map<string, ScoredPage>,
): CandidateSource {
  const chains = mentorChains(
    index.mentors.map((m) => m.employeeId),
    opts.supervisorOf,
  );
  return (menteeId, k, check) => {
    const totals = candidateTotals(mentees.get(menteeId)!, index, settings, opts.supervisorOf, chains);
    const ranked = rankCandidates(totals, index.facets.idOrder, k + 1);
    const kept = Array.from(ranked.subarray(0, k));
    let beyondReduced: number | undefined;
    if (check) {
      const inPage = new Set(kept);
      const reducedOf = (i: number) => gainOf(totals.totals[i]!) - check.price[i]!;
      const improving: number[] = [];
      let worst = 0;
      for (let c = 0; c < totals.count; c++) {
        const i = totals.candidates[c]!;
        if (inPage.has(i)) continue;
        if (reducedOf(i) > check.value) improving.push(i);
        else worst = Math.max(worst, reducedOf(i));
      }
      improving.sort(
        (a, b) => reducedOf(b) - reducedOf(a) || index.facets.idOrder[a]! - index.facets.idOrder[b]!,
      );
      let added = 0;
      for (const i of improving) {
        if (added === k) worst = Math.max(worst, reducedOf(i));
        else if (totals.confirm(i)) {
          kept.push(i);
          added++;
        }
      }
      beyondReduced = worst / 100;
    }
    const { cosine, sharedMask, terms } = totals.goals;
    const page = pages.get(menteeId) ?? { mentor: [], cosine: [], sharedMask: [], terms };
    const seen = new Set(page.mentor);
    for (const i of kept) {
      if (seen.has(i)) continue;
      page.mentor.push(i);
      page.cosine.push(cosine[i]!);
      page.sharedMask.push(sharedMask[i]!);
    }
    pages.set(menteeId, page);
    return {
      edges: kept.map((i) => ({
        menteeId,
        mentorId: index.mentors[i]!.employeeId,
        score: totals.totals[i]!,
      })),
      beyond: ranked.length > k ? totals.totals[ranked[k]!]! : 0,
      beyondReduced,
    };
  };
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
    const at = page.mentor.findIndex((i) => index.mentors[i]!.employeeId === p.mentorId);
    const i = page.mentor[at]!;
    cosine[i] = page.cosine[at]!;
    sharedMask[i] = page.sharedMask[at]!;
    const explain = explainer(
      mentees.get(p.menteeId)!,
      index,
      { goals: { cosine, sharedMask, terms: page.terms } },
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
  opts: ScoreOptions & CohortOptions,
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
  const source = scorerSource(open, index, settings, opts, pages);
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
