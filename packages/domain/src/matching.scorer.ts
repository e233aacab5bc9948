import { competencyName as defaultCompetencyName } from './competencies.js';
import { effectiveCapacity, remainingCapacity } from './eligibility.js';
import {
  capacityScore,
  communicationScore,
  geographyScore,
  goalsScore,
  needsScore,
  platformScore,
  scoreCapacity,
  scoreCommunication,
  scoreGeography,
  scoreGoals,
  scoreNeeds,
  scorePlatform,
  type CriterionKey,
  type CriterionScore,
} from './matching.criteria.js';
import { matchGoals, sharedTermsOf, type GoalsMatch } from './matching.goals.js';
import { buildMentorIndex, type MentorIndex } from './matching.index.js';
import { chainTesterFor, type SupervisorLookup } from './reporting-chain.js';
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

/**
 * R-MATCH-1 eligibility for the ranking, cheapest tests first: the mentee's history, the mentor's availability,
 * capacity and OPDIV choice, then the §3 hard rules. matching.scorer.test.ts checks it agrees with checkPairEligibility.
 */
function isCandidate(mentor: MentorProfile, mentee: MenteeProfile, settings: ProgramSettings, excluded: ReadonlySet<string>, sameChain: (id: string) => boolean): boolean {
  if (excluded.has(mentor.employeeId) || mentor.employeeId === mentee.employeeId) return false;
  if (!mentor.active || mentor.paused || !mentor.platforms.includes(mentee.platform)) return false;
  if (remainingCapacity(mentor, settings) <= 0) return false;
  if (!mentor.acceptsOtherOpdivs && mentor.employee.opdiv !== mentee.employee.opdiv) return false;
  if (mentee.platform !== 's2j') return true;
  return mentor.employee.grade.rank > mentee.employee.grade.rank && !sameChain(mentor.employeeId);
}

function criteriaFor(mentee: MenteeProfile, index: MentorIndex, i: number, goals: GoalsMatch, settings: ProgramSettings, name: (code: string) => string): Criterion[] {
  const mentor = index.mentors[i]!;
  const w = settings.weights;
  const criterion = (key: CriterionKey, weight: number, s: CriterionScore): Criterion => ({ key, weight, score: s.score, explanation: s.explanation });
  return [
    criterion('needs', w.needs, scoreNeeds(mentee.developmentalNeeds, index.competencies[i]!, name)),
    criterion('goals', w.goals, scoreGoals(goals.cosine[i]!, sharedTermsOf(goals, i))),
    criterion('platform', w.platform, scorePlatform(mentee.platform, mentor.employee.grade, mentee.employee.grade)),
    criterion('geography', w.geography, scoreGeography(mentee.locationPreference, mentor.employee, mentee.employee)),
    criterion('communication', w.communication, scoreCommunication(mentee.communicationMethods, mentor.communicationMethods)),
    criterion('capacity', w.capacity, scoreCapacity(remainingCapacity(mentor, settings), effectiveCapacity(mentor, settings))),
  ];
}

/** The weighted mean on 0..100, two decimals; weights are relative. */
function totalOf(index: MentorIndex, i: number, mentee: MenteeProfile, goals: GoalsMatch, settings: ProgramSettings): number {
  const mentor = index.mentors[i]!;
  const w = settings.weights;
  const points =
    w.needs * needsScore(mentee.developmentalNeeds, index.competencies[i]!) +
    w.goals * goalsScore(goals.cosine[i]!) +
    w.platform * platformScore(mentee.platform, mentor.employee.grade, mentee.employee.grade) +
    w.geography * geographyScore(mentee.locationPreference, mentor.employee, mentee.employee) +
    w.communication * communicationScore(mentee.communicationMethods, mentor.communicationMethods) +
    w.capacity * capacityScore(remainingCapacity(mentor, settings), effectiveCapacity(mentor, settings));
  const weights = w.needs + w.goals + w.platform + w.geography + w.communication + w.capacity;
  return weights > 0 ? Math.round((points / weights) * 10000) / 100 : 0;
}

function reasonsOf(criteria: readonly Criterion[]): string[] {
  return criteria
    .filter((c) => c.score >= 0.5 && c.weight > 0)
    .sort((a, b) => b.weight * b.score - a.weight * a.score)
    .map((c) => c.explanation);
}

export function scoreCandidatesIndexed(mentee: MenteeProfile, index: MentorIndex, settings: ProgramSettings, opts: ScoreOptions): ScoredMentor[] {
  const name = opts.competencyName ?? defaultCompetencyName;
  const sameChain = chainTesterFor(mentee.employeeId, opts.supervisorOf);
  const excluded = new Set([...mentee.invitedMentorIds, ...mentee.declinedByMentorIds]);
  const goals = matchGoals(mentee.goalsText, index);
  const ids: number[] = [];
  const totals = new Float64Array(index.mentors.length);
  index.mentors.forEach((mentor, i) => {
    if (!isCandidate(mentor, mentee, settings, excluded, sameChain)) return;
    ids.push(i);
    totals[i] = totalOf(index, i, mentee, goals, settings);
  });
  const idOf = (i: number) => index.mentors[i]!.employeeId;
  ids.sort((a, b) => totals[b]! - totals[a]! || (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
  const kept = opts.limit === undefined ? ids : ids.slice(0, opts.limit);
  return kept.map((i) => {
    const criteria = criteriaFor(mentee, index, i, goals, settings, name);
    return { mentorId: idOf(i), total: totals[i]!, criteria, reasons: reasonsOf(criteria) };
  });
}

/** Ranks eligible mentors for one mentee, best first, ties broken by employee id. */
export function scoreCandidates(mentee: MenteeProfile, mentors: readonly MentorProfile[], settings: ProgramSettings, opts: ScoreOptions): ScoredMentor[] {
  return scoreCandidatesIndexed(mentee, buildMentorIndex(mentors), settings, opts);
}
