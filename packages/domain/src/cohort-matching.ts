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

/**
 * Highest score first; the baseline the optimal solve is compared with. Each mentee's best `topK` edges (score, then
 * mentor id) to mentors with room, taken in one order over all of them (score, mentee id, mentor id) while the mentee
 * is free and the mentor has room. The order is sorted once on numbers (positions in id order), not strings.
 */
export function greedyCohort(
  menteeIds: readonly string[],
  mentors: readonly CohortMentor[],
  candidates: CohortCandidates,
  options: CohortOptions = {},
): CohortAssignment {
  const ids = [...new Set(menteeIds)].sort(byId);
  const topK = options.topK ?? DEFAULT_COHORT_TOP_K;
  const menteeAt = new Map(ids.map((id, i) => [id, i]));
  const mentorIds = [...new Set(mentors.map((m) => m.id))].sort(byId);
  const mentorAt = new Map(mentorIds.map((id, j) => [id, j]));
  const room = new Int32Array(mentorIds.length);
  for (const m of mentors) room[mentorAt.get(m.id)!] = m.remainingCapacity;
  const all = typeof candidates === 'function' ? ids.flatMap((id) => candidates(id)) : candidates;
  const edges: CohortEdge[] = [];
  const menteeOf: number[] = [];
  const mentorOf: number[] = [];
  for (const e of all) {
    const i = menteeAt.get(e.menteeId);
    const j = mentorAt.get(e.mentorId);
    if (i === undefined || j === undefined || !(e.score > 0) || room[j]! <= 0) continue;
    edges.push(e);
    menteeOf.push(i);
    mentorOf.push(j);
  }
  const order = greedyOrder(edges, menteeOf, mentorOf);
  // Restricted to one mentee, the order is its own list best first, so its first topK in the order are its best topK.
  const seen = new Int32Array(ids.length);
  const chosen = new Map<string, CohortEdge>();
  for (const e of order) {
    const i = menteeOf[e]!;
    const j = mentorOf[e]!;
    if (seen[i]!++ >= topK || chosen.has(ids[i]!) || room[j]! <= 0) continue;
    chosen.set(ids[i]!, edges[e]!);
    room[j] = room[j]! - 1;
  }
  return assignment(ids, (id) => seen[menteeAt.get(id)!]! > 0, chosen);
}

/**
 * Edge indexes by score (descending), mentee position, mentor position. When every score has two decimals from 0 to
 * 100 (what the scorer gives), three stable counting passes (mentor, mentee, then hundredths of a point) give that
 * order without a comparison function (one call back into JavaScript per comparison made the sort most of the
 * greedy baseline's time); any other score is sorted with a comparison function.
 */
function greedyOrder(edges: readonly CohortEdge[], menteeOf: number[], mentorOf: number[]): Uint32Array {
  const n = edges.length;
  const drop = new Int32Array(n);
  for (let e = 0; e < n; e++) {
    const gain = Math.round(edges[e]!.score * 100);
    if (gain / 100 !== edges[e]!.score || gain < 0 || gain > 10000)
      return Uint32Array.from(edges.keys()).sort(
        (a, b) =>
          edges[b]!.score - edges[a]!.score || menteeOf[a]! - menteeOf[b]! || mentorOf[a]! - mentorOf[b]!,
      );
    drop[e] = 10000 - gain;
  }
  let order: Uint32Array = new Uint32Array(n);
  for (let e = 0; e < n; e++) order[e] = e;
  order = countingPass(order, Int32Array.from(mentorOf));
  order = countingPass(order, Int32Array.from(menteeOf));
  return countingPass(order, drop);
}

/** A stable sort of `order` by small non-negative integer keys (key[e] for edge e). */
function countingPass(order: Uint32Array, key: Int32Array): Uint32Array {
  const n = order.length;
  let range = 0;
  for (let e = 0; e < n; e++) range = Math.max(range, key[e]! + 1);
  const start = new Int32Array(range + 1);
  for (let e = 0; e < n; e++) start[key[e]! + 1]!++;
  for (let k = 1; k <= range; k++) start[k] = start[k]! + start[k - 1]!;
  const out = new Uint32Array(n);
  for (let p = 0; p < n; p++) {
    const e = order[p]!;
    out[start[key[e]!]!++] = e;
  }
  return out;
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
