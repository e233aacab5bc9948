import { competencyName as defaultCompetencyName } from './competencies.js';
import type { CriterionKey, CriterionScore } from './matching.criteria.js';
import { explainer } from './matching.explain.js';
import { buildMentorIndex, type MentorIndex } from './matching.index.js';
import { rankCandidates } from './matching.rank.js';
import { candidateTotals, totalsScratch, type TotalsScratch } from './matching.totals.js';
import type { SupervisorLookup } from './reporting-chain.js';
import type { ProgramSettings } from './settings.js';
import type { MenteeProfile, MentorProfile } from './types.js';

export interface Criterion extends CriterionScore {
  key: CriterionKey;
  weight: number;
}

export interface ScoredMentor {
  mentorId: string;
  /** 0..100, two decimals. */
  total: number;
  criteria: Criterion[];
  /** The explanations of the criteria that speak for this mentor (score ≥ 0.5), strongest first. */
  reasons: string[];
}

export interface ScoreOptions {
  supervisorOf: SupervisorLookup;
  competencyName?: (code: string) => string;
  /** Keep only the best `limit` mentors (explanations are built only for those). */
  limit?: number;
}

export function reasonsOf(criteria: readonly Criterion[]): string[] {
  return criteria
    .filter((c) => c.score >= 0.5 && c.weight > 0)
    .sort((a, b) => b.weight * b.score - a.weight * a.score)
    .map((c) => c.explanation);
}

/** One scratch per index: a ranking runs start to end without yielding, so rankings on one thread never overlap. */
const scratches = new WeakMap<MentorIndex, TotalsScratch>();

function scratchFor(index: MentorIndex): TotalsScratch {
  let scratch = scratches.get(index);
  if (!scratch) scratches.set(index, (scratch = totalsScratch(index)));
  return scratch;
}

/**
 * Three phases (docs/decisions/0101, 0103): eligibility and numeric totals for every mentor from per-class tables,
 * the best `limit` picked without sorting everyone, then sentences only for the mentors returned.
 */
export function scoreCandidatesIndexed(
  mentee: MenteeProfile,
  index: MentorIndex,
  settings: ProgramSettings,
  opts: ScoreOptions,
): ScoredMentor[] {
  const scored = candidateTotals(mentee, index, settings, opts.supervisorOf, { scratch: scratchFor(index) });
  const ranked = rankCandidates(scored, index.facets.idOrder, opts.limit);
  const explain = explainer(mentee, index, scored, settings, opts.competencyName ?? defaultCompetencyName);
  return Array.from(ranked, (i) => {
    const criteria = explain(i);
    return {
      mentorId: index.mentors[i]!.employeeId,
      total: scored.totals[i]!,
      criteria,
      reasons: reasonsOf(criteria),
    };
  });
}

/** Ranks eligible mentors for one mentee, best first, ties broken by employee id. */
export function scoreCandidates(
  mentee: MenteeProfile,
  mentors: readonly MentorProfile[],
  settings: ProgramSettings,
  opts: ScoreOptions,
): ScoredMentor[] {
  return scoreCandidatesIndexed(mentee, buildMentorIndex(mentors), settings, opts);
}
