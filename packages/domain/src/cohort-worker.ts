import { cohortFromProfiles, type ExplainedCohortResult } from './cohort-profiles.js';
import type { ProgramSettings } from './settings.js';
import type { MenteeProfile, MentorProfile } from './types.js';

/** What a cohort solve needs, as plain data that can cross to a worker thread (structured clone: no functions). */
export interface CohortWork {
  mentees: MenteeProfile[];
  mentors: MentorProfile[];
  settings: ProgramSettings;
  /** Employee id → supervisor's employee id, for everyone in the mentees' and mentors' reporting chains (R-DIR-3). */
  chains: Map<string, string | null>;
  topK: number;
  /** Stop the certificate's repair after this long and return the proven gap (R-MATCH-4-OPT). */
  budgetMs?: number;
}

/**
 * R-MATCH-4 as one data-in, data-out function, the default export so a worker pool can load this module as its
 * worker (decision 0506): a department-wide solve takes seconds of CPU, which must not stall an API process's event
 * loop. No I/O, no framework, nothing about threads here.
 */
export default function runCohortWork(work: CohortWork): ExplainedCohortResult {
  return cohortFromProfiles(work.mentees, work.mentors, work.settings, {
    supervisorOf: (id) => work.chains.get(id) ?? null,
    topK: work.topK,
    budgetMs: work.budgetMs,
  });
}
