import type { CohortEdge, CohortMentor } from './cohort-matching.js';
import { MinCostFlow } from './min-cost-flow.js';

/** A mentee's best `k` eligible edges, best first, and an upper bound on the score of every eligible edge left out (0 if none). */
export interface CandidatePage {
  edges: readonly CohortEdge[];
  beyond: number;
}
export type CandidateSource = (menteeId: string, k: number) => CandidatePage;

/**
 * How a proposal was proven (R-MATCH-4-OPT, docs/decisions/0640). `optimal`: the dual bound equals the total, so no
 * assignment over all eligible pairs scores more. `within-gap`: the time budget stopped the repair; no assignment can
 * score more than `bound`.
 */
export interface CohortProof {
  status: 'optimal' | 'within-gap';
  bound: number;
  /** bound − total (0 when optimal), two decimals. */
  gap: number;
  /** Prove-or-repair rounds after the first solve. */
  rounds: number;
  /** Mentees whose candidate lists were widened beyond the first K. */
  widenedMentees: number;
  /** Mentee–mentor edges in the final solve. */
  edges: number;
}

/** The dual certificate, in hundredths of a score point: u(mentee) + v(mentor) ≥ gain of every eligible pair. */
export interface CohortDuals {
  menteeValue: Map<string, number>;
  mentorPrice: Map<string, number>;
}

export interface RepairOptions {
  topK: number;
  /** Stop repairing after this long and return the proven gap (default: no limit). */
  budgetMs?: number;
  now?: () => number;
}

export interface RepairedSolve {
  chosen: Map<string, CohortEdge>;
  /** The first page of every mentee (each one's best K): what the greedy baseline is computed from. */
  firstPages: CohortEdge[];
  proof: CohortProof;
  duals: CohortDuals;
}

export const gainOf = (score: number) => Math.round(score * 100);

/**
 * R-MATCH-4-OPT: solve on each mentee's best K edges, then prove or repair with the solver's potentials as dual prices
 * (docs/decisions/0640). A mentor's price is v = max(0, potential(sink) − potential(mentor)); a mentee's value u is its
 * best u = gain − v over its edges in the solve. A left-out edge can improve the total only if gain − v > u, and all of a
 * mentee's left-out edges score at most `beyond`, so `beyond − min v ≤ u` clears them all at once. Mentees that fail get
 * twice as many edges; an added edge with a negative reduced cost is saturated and the flow re-balanced by shortest
 * paths, which keeps the potentials valid; repeat until no mentee fails (then Σu + Σ capacity·v = total) or time is up.
 */
export function solveRepaired(
  ids: readonly string[],
  mentors: readonly CohortMentor[],
  source: CandidateSource,
  options: RepairOptions,
): RepairedSolve {
  const now = options.now ?? Date.now;
  const deadline = now() + (options.budgetMs ?? Infinity);
  const n = ids.length;
  const sink = n + mentors.length;
  const flow = new MinCostFlow(sink + 1);
  const mentorIndex = new Map<string, number>();
  mentors.forEach((m, j) => {
    if (m.remainingCapacity > 0) mentorIndex.set(m.id, j);
  });
  const pages = ids.map((id) => source(id, options.topK));
  const firstPages = pages.flatMap((p) => p.edges);
  let top = 0;
  for (const p of pages)
    for (const g of [gainOf(p.beyond), ...p.edges.map((e) => gainOf(e.score))]) top = Math.max(top, g);

  const taken = pages.map(() => 0);
  const beyond = pages.map((p) => gainOf(p.beyond));
  const edgeMentee: number[] = [];
  const edgeMentor: number[] = [];
  const edgeGain: number[] = [];
  const edgeFlow: number[] = [];
  const edgeRef: CohortEdge[] = [];
  const excess = new Int32Array(sink + 1);
  const short = new Int32Array(sink + 1);
  const addPage = (i: number, page: CandidatePage) => {
    for (let k = taken[i]!; k < page.edges.length; k++) {
      const e = page.edges[k]!;
      const j = mentorIndex.get(e.mentorId);
      if (j === undefined || !(e.score > 0)) continue;
      const id = flow.addEdge(i, n + j, 1, top - gainOf(e.score));
      if (flow.reducedCost(id) < 0) {
        flow.saturate(id);
        excess[n + j] = excess[n + j]! + 1;
        short[i] = short[i]! + 1;
      }
      edgeMentee.push(i);
      edgeMentor.push(j);
      edgeGain.push(gainOf(e.score));
      edgeFlow.push(id);
      edgeRef.push(e);
    }
    taken[i] = Math.max(taken[i]!, page.edges.length);
    beyond[i] = gainOf(page.beyond);
  };

  mentors.forEach((m, j) => flow.addEdge(n + j, sink, Math.max(0, m.remainingCapacity), 0));
  ids.forEach((_, i) => flow.addEdge(i, sink, 1, top));
  pages.forEach((page, i) => addPage(i, page));
  ids.forEach((_, i) => flow.augment(i, sink));

  const widened = new Set<number>();
  let rounds = 0;
  for (;;) {
    const { price, value, failing, bound } = checkDuals(
      flow,
      n,
      mentors,
      sink,
      { edgeMentee, edgeMentor, edgeGain },
      beyond,
    );
    const total = edgeFlow.reduce((s, id, e) => (flow.residual(id) === 0 ? s + edgeGain[e]! : s), 0);
    if (failing.length === 0 || now() >= deadline) {
      const chosen = new Map<string, CohortEdge>();
      edgeFlow.forEach((id, e) => {
        if (flow.residual(id) === 0) chosen.set(ids[edgeMentee[e]!]!, edgeRef[e]!);
      });
      if (failing.length === 0 && bound !== total)
        throw new Error(`cohort certificate: bound ${bound} ≠ total ${total}`);
      const proof: CohortProof = {
        status: failing.length === 0 ? 'optimal' : 'within-gap',
        bound: bound / 100,
        gap: (bound - total) / 100,
        rounds,
        widenedMentees: widened.size,
        edges: edgeFlow.length,
      };
      const duals: CohortDuals = {
        menteeValue: new Map(ids.map((id, i) => [id, value[i]!])),
        mentorPrice: new Map(mentors.map((m, j) => [m.id, price[j]!])),
      };
      return { chosen, firstPages, proof, duals };
    }
    rounds++;
    for (const i of failing) {
      widened.add(i);
      const page = source(ids[i]!, Math.max(2 * taken[i]!, taken[i]! + options.topK));
      if (page.edges.length <= taken[i]! && gainOf(page.beyond) >= beyond[i]!)
        throw new Error(`cohort candidate source gave no more edges for ${ids[i]}`);
      addPage(i, page);
    }
    for (let v = n; v < sink; v++) {
      while (excess[v]! > 0) {
        const t = flow.augmentTo(v, (u) => short[u]! > 0);
        if (t < 0) throw new Error('cohort repair: no path back to a mentee with two mentors');
        excess[v] = excess[v]! - 1;
        short[t] = short[t]! - 1;
      }
    }
  }
}

interface GraphEdges {
  edgeMentee: readonly number[];
  edgeMentor: readonly number[];
  edgeGain: readonly number[];
}

/** Prices from the potentials, each mentee's value, the mentees whose left-out edges might improve, and the dual bound. */
function checkDuals(
  flow: MinCostFlow,
  n: number,
  mentors: readonly CohortMentor[],
  sink: number,
  g: GraphEdges,
  beyond: readonly number[],
) {
  const ps = flow.potentialOf(sink);
  const price = mentors.map((m, j) =>
    m.remainingCapacity > 0 ? Math.max(0, ps - flow.potentialOf(n + j)) : 0,
  );
  let cheapest = Infinity;
  mentors.forEach((m, j) => {
    if (m.remainingCapacity > 0) cheapest = Math.min(cheapest, price[j]!);
  });
  if (cheapest === Infinity) cheapest = 0;
  const value = new Float64Array(n);
  for (let e = 0; e < g.edgeMentee.length; e++) {
    const i = g.edgeMentee[e]!;
    value[i] = Math.max(value[i]!, g.edgeGain[e]! - price[g.edgeMentor[e]!]!);
  }
  const failing: number[] = [];
  let bound = mentors.reduce((s, m, j) => s + Math.max(0, m.remainingCapacity) * price[j]!, 0);
  for (let i = 0; i < n; i++) {
    const left = beyond[i]! - cheapest;
    if (left > value[i]!) {
      failing.push(i);
      value[i] = left;
    }
    bound += value[i]!;
  }
  return { price, value, failing, bound };
}
