import {
  gainOf,
  solveRepaired,
  type CandidateSource,
  type CohortDuals,
  type CohortProof,
} from './cohort-repair.js';

/** R-MATCH-4: one eligible mentee–mentor pair and its score (0..100). */
export interface CohortEdge {
  menteeId: string;
  mentorId: string;
  score: number;
}

export interface CohortMentor {
  id: string;
  /** Capacity minus live mentees (R-CAP-1). */
  remainingCapacity: number;
}

export type CohortCandidates = readonly CohortEdge[] | ((menteeId: string) => readonly CohortEdge[]);

export interface CohortOptions {
  /** Start from each mentee's best `topK` mentors (default 25); the repair widens only where the certificate needs it. */
  topK?: number;
  /** Stop the repair after this long and return the proven gap (default: no limit). */
  budgetMs?: number;
  /** The clock the budget is measured with (milliseconds). */
  now?: () => number;
}

export interface CohortAssignment {
  pairs: CohortEdge[];
  unmatched: Array<{ menteeId: string; reason: string }>;
  total: number;
}

export interface CohortResult extends CohortAssignment {
  greedyTotal: number;
  /** How the total was proven best over all eligible pairs (R-MATCH-4-OPT). */
  proof: CohortProof;
  duals: CohortDuals;
}

export const DEFAULT_COHORT_TOP_K = 25;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Positive-score edges per mentee, best first, pruned to topK, only to known mentors with room. */
function candidateLists(
  menteeIds: readonly string[],
  mentors: readonly CohortMentor[],
  candidates: CohortCandidates,
  topK: number,
): Map<string, CohortEdge[]> {
  const open = new Set(mentors.filter((m) => m.remainingCapacity > 0).map((m) => m.id));
  const lists = new Map<string, CohortEdge[]>(menteeIds.map((id) => [id, []]));
  const all = typeof candidates === 'function' ? menteeIds.flatMap((id) => candidates(id)) : candidates;
  for (const e of all) if (e.score > 0 && open.has(e.mentorId)) lists.get(e.menteeId)?.push(e);
  for (const [id, list] of lists) {
    list.sort((a, b) => b.score - a.score || byId(a.mentorId, b.mentorId));
    lists.set(id, list.slice(0, topK));
  }
  return lists;
}

function unmatchedReason(hadCandidates: boolean): string {
  return hadCandidates
    ? 'Every eligible mentor for this mentee was assigned elsewhere to give the cohort the highest total score.'
    : 'No eligible mentor with free capacity.';
}

function assignment(
  menteeIds: readonly string[],
  hadCandidates: (menteeId: string) => boolean,
  chosen: Map<string, CohortEdge>,
): CohortAssignment {
  const pairs = [...chosen.values()].sort((a, b) => byId(a.menteeId, b.menteeId));
  const unmatched = menteeIds
    .filter((id) => !chosen.has(id))
    .map((menteeId) => ({ menteeId, reason: unmatchedReason(hadCandidates(menteeId)) }));
  return { pairs, unmatched, total: round2(pairs.reduce((s, p) => s + p.score, 0)) };
}

/** Highest score first; the baseline the optimal solve is compared with. */
export function greedyCohort(
  menteeIds: readonly string[],
  mentors: readonly CohortMentor[],
  candidates: CohortCandidates,
  options: CohortOptions = {},
): CohortAssignment {
  const ids = [...new Set(menteeIds)].sort(byId);
  const lists = candidateLists(ids, mentors, candidates, options.topK ?? DEFAULT_COHORT_TOP_K);
  const left = new Map(mentors.map((m) => [m.id, m.remainingCapacity]));
  const edges = [...lists.values()]
    .flat()
    .sort((a, b) => b.score - a.score || byId(a.menteeId, b.menteeId) || byId(a.mentorId, b.mentorId));
  const chosen = new Map<string, CohortEdge>();
  for (const e of edges) {
    if (chosen.has(e.menteeId) || (left.get(e.mentorId) ?? 0) <= 0) continue;
    chosen.set(e.menteeId, e);
    left.set(e.mentorId, (left.get(e.mentorId) ?? 0) - 1);
  }
  return assignment(ids, (id) => (lists.get(id)?.length ?? 0) > 0, chosen);
}

/** Pages of a mentee's sorted list: the best k and the next score as the bound on the rest; with prices, also the k that improve the most. */
export function pagesOf(
  lists: ReadonlyMap<string, readonly CohortEdge[]>,
  mentors: readonly CohortMentor[],
): CandidateSource {
  const position = new Map(mentors.map((m, j) => [m.id, j]));
  return (menteeId, k, check) => {
    const list = lists.get(menteeId) ?? [];
    if (!check) return { edges: list.slice(0, k), beyond: list[k]?.score ?? 0 };
    const reduced = (e: CohortEdge) => gainOf(e.score) - check.price[position.get(e.mentorId)!]!;
    const best = list
      .slice(k)
      .filter((e) => reduced(e) > check.value)
      .sort((a, b) => reduced(b) - reduced(a))
      .slice(0, k);
    const rest = list.slice(k).filter((e) => !best.includes(e));
    return {
      edges: [...list.slice(0, k), ...best],
      beyond: list[k]?.score ?? 0,
      beyondReduced: rest.reduce((r, e) => Math.max(r, reduced(e)), 0) / 100,
    };
  };
}

/**
 * Maximum total score under mentor capacities, one mentor per mentee, as min-cost flow (docs/decisions/0102), started
 * on each mentee's best `topK` edges and proven or repaired over all given edges (R-MATCH-4-OPT, decision 0640).
 * Scores are compared at two decimals. Each mentee may also flow straight to the sink (stay unmatched), so the solve
 * never trades score for cardinality.
 */
export function solveCohort(
  menteeIds: readonly string[],
  mentors: readonly CohortMentor[],
  candidates: CohortCandidates,
  options: CohortOptions = {},
): CohortResult {
  const ids = [...new Set(menteeIds)].sort(byId);
  const lists = candidateLists(ids, mentors, candidates, Infinity);
  return solveFromSource(
    ids,
    mentors,
    pagesOf(lists, mentors),
    options,
    (id) => (lists.get(id)?.length ?? 0) > 0,
  );
}

/** The certified solve over any candidate source (sorted ids), with the greedy baseline on each mentee's first page. */
export function solveFromSource(
  ids: readonly string[],
  mentors: readonly CohortMentor[],
  source: CandidateSource,
  options: CohortOptions,
  hadCandidates: (menteeId: string) => boolean,
): CohortResult {
  const topK = options.topK ?? DEFAULT_COHORT_TOP_K;
  const solved = solveRepaired(ids, mentors, source, { topK, budgetMs: options.budgetMs, now: options.now });
  const result = assignment(ids, hadCandidates, solved.chosen);
  return {
    ...result,
    greedyTotal: greedyCohort(ids, mentors, solved.firstPages, { topK }).total,
    proof: solved.proof,
    duals: solved.duals,
  };
}
