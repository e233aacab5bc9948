import { competencyName as defaultCompetencyName } from './competencies.js';
import { capacityRefusals, effectiveCapacity, hardRuleRefusals, mentorAvailabilityRefusals, remainingCapacity } from './eligibility.js';
import {
  scoreCapacity,
  scoreCommunication,
  scoreGeography,
  scoreGoals,
  scoreNeeds,
  scorePlatform,
  type CriterionKey,
  type CriterionScore,
} from './matching.criteria.js';
import { buildMentorIndex, inverseDocumentFrequency, weightTerms, type MentorIndex } from './matching.index.js';
import { chainTesterFor, type SupervisorLookup } from './reporting-chain.js';
import type { ProgramSettings } from './settings.js';
import { termCounts, tokenize } from './text.js';
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
  /** The criteria that speak for this mentor, strongest first. */
  reasons: string[];
}

export interface ScoreOptions {
  supervisorOf: SupervisorLookup;
  competencyName?: (code: string) => string;
  /** Keep only the best `limit` mentors. */
  limit?: number;
}

const SHARED_TERMS_SHOWN = 5;

/** The goals query: stems weighted against the pool's IDF, and the mentee's own word for each stem. */
function goalsQuery(mentee: MenteeProfile, index: MentorIndex) {
  const tokens = tokenize(mentee.goalsText);
  const surface = new Map<string, string>();
  for (const t of tokens) if (!surface.has(t.stem)) surface.set(t.stem, t.surface);
  const vector = weightTerms(termCounts(tokens), (stem) => inverseDocumentFrequency(index, stem));
  const dots = new Float64Array(index.mentors.length);
  for (const [stem, q] of vector) {
    const p = index.postings.get(stem);
    if (!p) continue;
    for (let k = 0; k < p.mentor.length; k++) {
      const m = p.mentor[k]!;
      dots[m] = dots[m]! + q * p.weight[k]!;
    }
  }
  return { vector, surface, dots };
}

function sharedTerms(query: ReturnType<typeof goalsQuery>, mentorVector: Map<string, number>): string[] {
  const shared: Array<[string, number]> = [];
  for (const [stem, q] of query.vector) {
    const w = mentorVector.get(stem);
    if (w !== undefined) shared.push([query.surface.get(stem) ?? stem, q * w]);
  }
  shared.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return shared.slice(0, SHARED_TERMS_SHOWN).map(([term]) => term);
}

/** R-MATCH-1 eligibility for the ranking: hard rules, the mentor's availability and free capacity, and history. */
function isCandidate(mentor: MentorProfile, mentee: MenteeProfile, settings: ProgramSettings, sameChain: (id: string) => boolean, excluded: ReadonlySet<string>, supervisorOf: SupervisorLookup): boolean {
  if (excluded.has(mentor.employeeId)) return false;
  const hard = hardRuleRefusals({ mentor: mentor.employee, mentee: mentee.employee, platform: mentee.platform, supervisorOf, sameChain });
  if (hard.length > 0) return false;
  if (mentorAvailabilityRefusals(mentor, mentee, mentee.platform).length > 0) return false;
  return !capacityRefusals({ mentor, mentee, settings }).some((r) => r.rule === 'R-CAP-1');
}

export function scoreCandidatesIndexed(mentee: MenteeProfile, index: MentorIndex, settings: ProgramSettings, opts: ScoreOptions): ScoredMentor[] {
  const name = opts.competencyName ?? defaultCompetencyName;
  const w = settings.weights;
  const weightSum = w.needs + w.goals + w.platform + w.geography + w.communication + w.capacity;
  const chainTest = chainTesterFor(mentee.employeeId, opts.supervisorOf);
  const sameChain = (mentorId: string) => chainTest(mentorId);
  const excluded = new Set([...mentee.invitedMentorIds, ...mentee.declinedByMentorIds]);
  const query = goalsQuery(mentee, index);
  const results: ScoredMentor[] = [];
  index.mentors.forEach((mentor, i) => {
    if (!isCandidate(mentor, mentee, settings, sameChain, excluded, opts.supervisorOf)) return;
    const criteria: Criterion[] = [
      { key: 'needs', weight: w.needs, ...scoreNeeds(mentee.developmentalNeeds, index.competencies[i]!, name) },
      { key: 'goals', weight: w.goals, ...scoreGoals(query.dots[i]!, sharedTerms(query, index.vectors[i]!)) },
      { key: 'platform', weight: w.platform, ...scorePlatform(mentee.platform, mentor.employee.grade, mentee.employee.grade) },
      { key: 'geography', weight: w.geography, ...scoreGeography(mentee.locationPreference, mentor.employee, mentee.employee) },
      { key: 'communication', weight: w.communication, ...scoreCommunication(mentee.communicationMethods, mentor.communicationMethods) },
      { key: 'capacity', weight: w.capacity, ...scoreCapacity(remainingCapacity(mentor, settings), effectiveCapacity(mentor, settings)) },
    ];
    const points = criteria.reduce((sum, c) => sum + c.weight * c.score, 0);
    const total = weightSum > 0 ? Math.round((points / weightSum) * 10000) / 100 : 0;
    const reasons = criteria
      .filter((c) => c.score >= 0.5 && c.weight > 0)
      .sort((a, b) => b.weight * b.score - a.weight * a.score)
      .map((c) => c.explanation);
    results.push({ mentorId: mentor.employeeId, total, criteria, reasons });
  });
  results.sort((a, b) => b.total - a.total || (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : 0));
  return opts.limit === undefined ? results : results.slice(0, opts.limit);
}

/** Ranks eligible mentors for one mentee, best first, ties broken by employee id. */
export function scoreCandidates(mentee: MenteeProfile, mentors: readonly MentorProfile[], settings: ProgramSettings, opts: ScoreOptions): ScoredMentor[] {
  return scoreCandidatesIndexed(mentee, buildMentorIndex(mentors), settings, opts);
}
