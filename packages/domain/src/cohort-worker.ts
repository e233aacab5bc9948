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
 * The same work as UTF-8 JSON bytes. Handing a worker 14,000 profiles as objects clones them on the sending thread in
 * one piece (≈ 75–120 ms department-wide, every other request on that thread waiting); bytes move to the worker
 * without a copy (a transfer), and they are made in slices the sender can interleave with other work (decision 0646).
 */
export interface PackedCohortWork {
  /** UTF-8 pieces of one JSON text, in order. */
  packed: Uint8Array[];
}

/** Records per slice of packCohortWork: a few milliseconds of JSON.stringify each. */
const PACK_SLICE = 200;

/** The pieces of a PackedCohortWork's JSON text, in order: each encoded as UTF-8, they are `packed`. */
export function* packCohortWork(work: CohortWork): Generator<string> {
  const { mentees, mentors, chains, ...rest } = work;
  yield `{"rest":${JSON.stringify(rest)}`;
  for (const [name, items] of [
    ['mentees', mentees],
    ['mentors', mentors],
    ['chains', [...chains]],
  ] as const) {
    yield `,"${name}":[`;
    for (let i = 0; i < items.length; i += PACK_SLICE)
      yield (i > 0 ? ',' : '') + JSON.stringify(items.slice(i, i + PACK_SLICE)).slice(1, -1);
    yield ']';
  }
  yield '}';
}

/** The pieces of packCohortWork, encoded (for a caller with no reason to interleave). */
export function packCohortWorkAtOnce(work: CohortWork): PackedCohortWork {
  const encoder = new TextEncoder();
  return { packed: Array.from(packCohortWork(work), (piece) => encoder.encode(piece)) };
}

export function unpackCohortWork({ packed }: PackedCohortWork): CohortWork {
  const decoder = new TextDecoder();
  const text = packed.map((piece) => decoder.decode(piece)).join('');
  const { rest, mentees, mentors, chains } = JSON.parse(text) as Omit<CohortWork, 'chains'> & {
    rest: Pick<CohortWork, 'settings' | 'topK' | 'budgetMs'>;
    chains: Array<[string, string | null]>;
  };
  return { ...rest, mentees, mentors, chains: new Map(chains) };
}

/**
 * R-MATCH-4 as one data-in, data-out function, the default export so a worker pool can load this module as its
 * worker (decision 0506): a department-wide solve takes seconds of CPU, which must not stall an API process's event
 * loop. No I/O, no framework, nothing about threads here.
 */
export default function runCohortWork(input: CohortWork | PackedCohortWork): ExplainedCohortResult {
  const work = 'packed' in input ? unpackCohortWork(input) : input;
  return cohortFromProfiles(work.mentees, work.mentors, work.settings, {
    supervisorOf: (id) => work.chains.get(id) ?? null,
    topK: work.topK,
    budgetMs: work.budgetMs,
  });
}
