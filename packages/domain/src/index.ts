export * from './grades.js';
export * from './commissioned-corps.js';
export * from './reporting-chain.js';
export * from './types.js';
export * from './settings.js';
export * from './competencies.js';
export * from './eligibility.js';
export * from './text.js';
export * from './matching.index.js';
export * from './matching.goals.js';
export * from './matching.criteria.js';
export * from './matching.scorer.js';
export * from './clock.js';
export * from './invitation.state-machine.js';
export * from './relationship.types.js';
export * from './relationship.milestones.js';
export * from './relationship.state-machine.js';
export * from './min-cost-flow.js';
export * from './cohort-matching.js';
export * from './cohort-profiles.js';
export * from './cohort-repair.js';
export * from './cohort-certificate.js';
export {
  default as runCohortWork,
  packCohortWork,
  packCohortWorkAtOnce,
  unpackCohortWork,
  type CohortWork,
  type PackedCohortWork,
} from './cohort-worker.js';
export * from './pair-year.js';
export * from './matching.voice.js';
