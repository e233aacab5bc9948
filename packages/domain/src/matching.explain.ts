import { effectiveCapacity, remainingCapacity } from './eligibility.js';
import {
  goalsScore,
  scoreCapacity,
  scoreCommunication,
  scoreGeography,
  scoreGoals,
  scoreNeeds,
  scorePlatform,
  type CriterionKey,
  type CriterionScore,
} from './matching.criteria.js';
import type { MentorClasses } from './matching.facets.js';
import { sharedTermsOf } from './matching.goals.js';
import type { MentorIndex } from './matching.index.js';
import type { Criterion } from './matching.scorer.js';
import type { CandidateTotals } from './matching.totals.js';
import type { ProgramSettings } from './settings.js';
import type { MenteeProfile, MentorProfile } from './types.js';

/** Bit k of a needs mask says the mentor covers need k; longer need lists are explained without the cache. */
const MASKED_NEEDS = 31;

/**
 * The six criteria with their sentences for one mentor. A sentence depends only on the mentor's class for that
 * criterion (or on which needs and goal terms they share), so each distinct sentence is built once per ranking.
 */
export function explainer(
  mentee: MenteeProfile,
  index: MentorIndex,
  { goals }: Pick<CandidateTotals, 'goals'>,
  settings: ProgramSettings,
  name: (code: string) => string,
): (i: number) => Criterion[] {
  const { mentors, facets: f } = index;
  const me = mentee.employee;
  const perClass = (classes: MentorClasses, score: (m: MentorProfile) => CriterionScore) => {
    const cache: CriterionScore[] = [];
    return (i: number) => (cache[classes.of[i]!] ??= score(mentors[classes.reps[classes.of[i]!]!]!));
  };
  const platform = perClass(f.grade, (m) => scorePlatform(mentee.platform, m.employee.grade, me.grade));
  const geography = perClass(f.place, (m) => scoreGeography(mentee.locationPreference, m.employee, me));
  const communication = perClass(f.communication, (m) =>
    scoreCommunication(mentee.communicationMethods, m.communicationMethods),
  );
  const capacity = perClass(f.load, (m) =>
    scoreCapacity(remainingCapacity(m, settings), effectiveCapacity(m, settings)),
  );

  const needs = mentee.developmentalNeeds;
  const needsByMask = new Map<number, CriterionScore>();
  const needsOf = (i: number): CriterionScore => {
    const expertise = index.competencies[i]!;
    if (needs.length > MASKED_NEEDS) return scoreNeeds(needs, expertise, name);
    let mask = 0;
    for (let k = 0; k < needs.length; k++) if (expertise.has(needs[k]!)) mask |= 1 << k;
    let s = needsByMask.get(mask);
    if (!s) needsByMask.set(mask, (s = scoreNeeds(needs, expertise, name)));
    return s;
  };
  const goalsByMask = new Map<number, string>();
  const goalsOf = (i: number): CriterionScore => {
    const cosine = goals.cosine[i]!;
    let explanation = goalsByMask.get(goals.sharedMask[i]!);
    if (explanation === undefined)
      goalsByMask.set(
        goals.sharedMask[i]!,
        (explanation = scoreGoals(cosine, sharedTermsOf(goals, i)).explanation),
      );
    return { score: goalsScore(cosine), explanation };
  };

  const w = settings.weights;
  const criterion = (key: CriterionKey, weight: number, s: CriterionScore): Criterion => ({
    key,
    weight,
    score: s.score,
    explanation: s.explanation,
  });
  return (i) => [
    criterion('needs', w.needs, needsOf(i)),
    criterion('goals', w.goals, goalsOf(i)),
    criterion('platform', w.platform, platform(i)),
    criterion('geography', w.geography, geography(i)),
    criterion('communication', w.communication, communication(i)),
    criterion('capacity', w.capacity, capacity(i)),
  ];
}
