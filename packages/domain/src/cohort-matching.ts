import { MinCostFlow } from './min-cost-flow.js';

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
  /** Keep each mentee's best `topK` mentors (default 25); `Infinity` solves exactly. */
  topK?: number;
}

export interface CohortAssignment {
  pairs: CohortEdge[];
  unmatched: Array<{ menteeId: string; reason: string }>;
  total: number;
}

export interface CohortResult extends CohortAssignment {
  greedyTotal: number;
}

export const DEFAULT_COHORT_TOP_K = 25;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Positive-score edges per mentee, best first, pruned to topK, only to known mentors with room. */
function candidateLists(menteeIds: readonly string[], mentors: readonly CohortMentor[], candidates: CohortCandidates, topK: number): Map<string, CohortEdge[]> {
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

function assignment(menteeIds: readonly string[], lists: Map<string, CohortEdge[]>, chosen: Map<string, CohortEdge>): CohortAssignment {
  const pairs = [...chosen.values()].sort((a, b) => byId(a.menteeId, b.menteeId));
  const unmatched = menteeIds
    .filter((id) => !chosen.has(id))
    .map((menteeId) => ({ menteeId, reason: unmatchedReason((lists.get(menteeId)?.length ?? 0) > 0) }));
  return { pairs, unmatched, total: round2(pairs.reduce((s, p) => s + p.score, 0)) };
}

/** Highest score first; the baseline the optimal solve is compared with. */
export function greedyCohort(menteeIds: readonly string[], mentors: readonly CohortMentor[], candidates: CohortCandidates, options: CohortOptions = {}): CohortAssignment {
  const ids = [...new Set(menteeIds)].sort(byId);
  const lists = candidateLists(ids, mentors, candidates, options.topK ?? DEFAULT_COHORT_TOP_K);
  const left = new Map(mentors.map((m) => [m.id, m.remainingCapacity]));
  const edges = [...lists.values()].flat().sort((a, b) => b.score - a.score || byId(a.menteeId, b.menteeId) || byId(a.mentorId, b.mentorId));
  const chosen = new Map<string, CohortEdge>();
  for (const e of edges) {
    if (chosen.has(e.menteeId) || (left.get(e.mentorId) ?? 0) <= 0) continue;
    chosen.set(e.menteeId, e);
    left.set(e.mentorId, (left.get(e.mentorId) ?? 0) - 1);
  }
  return assignment(ids, lists, chosen);
}

/**
 * Maximum total score under mentor capacities, one mentor per mentee, as min-cost flow (docs/decisions/0102).
 * Scores are compared at two decimals. Each mentee may also flow straight to the sink (stay unmatched), so the
 * solve never trades score for cardinality.
 */
export function solveCohort(menteeIds: readonly string[], mentors: readonly CohortMentor[], candidates: CohortCandidates, options: CohortOptions = {}): CohortResult {
  const ids = [...new Set(menteeIds)].sort(byId);
  const lists = candidateLists(ids, mentors, candidates, options.topK ?? DEFAULT_COHORT_TOP_K);
  const mentorIndex = new Map(mentors.map((m, i) => [m.id, i]));
  const sink = ids.length + mentors.length;
  const flow = new MinCostFlow(sink + 1);
  const gain = (e: CohortEdge) => Math.round(e.score * 100);
  let top = 0;
  for (const list of lists.values()) for (const e of list) top = Math.max(top, gain(e));
  mentors.forEach((m, j) => flow.addEdge(ids.length + j, sink, Math.max(0, m.remainingCapacity), 0));
  const edgeIds = ids.map((id, i) => {
    flow.addEdge(i, sink, 1, top);
    return (lists.get(id) ?? []).map((e) => ({ edge: flow.addEdge(i, ids.length + mentorIndex.get(e.mentorId)!, 1, top - gain(e)), candidate: e }));
  });
  const chosen = new Map<string, CohortEdge>();
  ids.forEach((_, i) => flow.augment(i, sink));
  edgeIds.forEach((list) => {
    for (const { edge, candidate } of list) if (flow.residual(edge) === 0) chosen.set(candidate.menteeId, candidate);
  });
  const result = assignment(ids, lists, chosen);
  return { ...result, greedyTotal: greedyCohort(ids, mentors, candidates, options).total };
}
