import type { CohortEdge, CohortMentor } from './cohort-matching.js';
import { MinCostFlow } from './min-cost-flow.js';

/**
 * A mentee's eligible edges: at least its best `k`, and an upper bound on the score of every eligible edge left out
 * (0 if none). With a price check, also the (up to) `k` edges whose score − price exceeds `value` the most, and in
 * `beyondReduced` an upper bound on score − price over the edges still left out.
 */
export interface CandidatePage {
  edges: readonly CohortEdge[];
  beyond: number;
  beyondReduced?: number;
}
/** Mentor prices in hundredths of a point, by position in the solve's mentor list, and the mentee's value. */
export interface PriceCheck {
  price: Float64Array;
  value: number;
}
export type CandidateSource = (menteeId: string, k: number, check?: PriceCheck) => CandidatePage;

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
 * best gain − v over its edges in the solve. A left-out edge can improve the total only if gain − v > u. One bound per
 * mentee clears all its left-out edges at once: they score at most `beyond`, so gain − v ≤ beyond − min v; and once the
 * mentee has been checked against prices p, gain − v ≤ (its largest gain − p then) + max(p − v). Only mentees whose
 * bound exceeds u are scored again, against the prices, and get (up to K of) the edges that improve the most; an added edge
 * with a negative reduced cost is saturated and the flow re-balanced by shortest paths, which keeps the potentials
 * valid. Repeat until no mentee fails (then Σu + Σ capacity·v = total) or the time is up (then that sum is the bound).
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

  const graph: GraphEdges = { edgeMentee: [], edgeMentor: [], edgeGain: [], edgeFlow: [], edgeRef: [] };
  const known = ids.map(() => new Set<number>());
  const bounds: MenteeBounds = {
    beyond: pages.map((p) => gainOf(p.beyond)),
    reduced: ids.map(() => Infinity),
    checkedAt: ids.map(() => -1),
  };
  const excess = new Int32Array(sink + 1);
  const short = new Int32Array(sink + 1);
  const addPage = (i: number, page: CandidatePage) => {
    for (const e of page.edges) {
      const j = mentorIndex.get(e.mentorId);
      if (j === undefined || !(e.score > 0) || known[i]!.has(j)) continue;
      known[i]!.add(j);
      const id = flow.addEdge(i, n + j, 1, top - gainOf(e.score));
      if (flow.reducedCost(id) < 0) {
        flow.saturate(id);
        excess[n + j] = excess[n + j]! + 1;
        short[i] = short[i]! + 1;
      }
      graph.edgeMentee.push(i);
      graph.edgeMentor.push(j);
      graph.edgeGain.push(gainOf(e.score));
      graph.edgeFlow.push(id);
      graph.edgeRef.push(e);
    }
    bounds.beyond[i] = Math.min(bounds.beyond[i]!, gainOf(page.beyond));
  };

  mentors.forEach((m, j) => flow.addEdge(n + j, sink, Math.max(0, m.remainingCapacity), 0));
  ids.forEach((_, i) => flow.addEdge(i, sink, 1, top));
  pages.forEach((page, i) => addPage(i, page));
  ids.forEach((_, i) => flow.augment(i, sink));

  const widened = new Set<number>();
  const checkedPrices: Float64Array[] = [];
  for (let round = 0; ; round++) {
    const { price, value, left, failing, bound } = checkDuals(
      flow,
      n,
      mentors,
      sink,
      graph,
      bounds,
      checkedPrices,
    );
    const total = graph.edgeFlow.reduce(
      (s, id, e) => (flow.residual(id) === 0 ? s + graph.edgeGain[e]! : s),
      0,
    );
    if (failing.length === 0 || now() >= deadline) {
      const chosen = new Map<string, CohortEdge>();
      graph.edgeFlow.forEach((id, e) => {
        if (flow.residual(id) === 0) chosen.set(ids[graph.edgeMentee[e]!]!, graph.edgeRef[e]!);
      });
      if (failing.length === 0 && bound !== total)
        throw new Error(`cohort certificate: bound ${bound} ≠ total ${total}`);
      const proof: CohortProof = {
        status: failing.length === 0 ? 'optimal' : 'within-gap',
        bound: bound / 100,
        gap: (bound - total) / 100,
        rounds: round,
        widenedMentees: widened.size,
        edges: graph.edgeFlow.length,
      };
      const duals: CohortDuals = {
        menteeValue: new Map(ids.map((id, i) => [id, Math.max(value[i]!, left[i]!)])),
        mentorPrice: new Map(mentors.map((m, j) => [m.id, price[j]!])),
      };
      return { chosen, firstPages, proof, duals };
    }
    checkedPrices.push(price);
    for (const i of failing) {
      widened.add(i);
      const page = source(ids[i]!, options.topK, { price, value: value[i]! });
      const before = graph.edgeFlow.length;
      if (page.beyondReduced === undefined)
        throw new Error(`cohort candidate source did not check ${ids[i]} against the prices`);
      addPage(i, page);
      bounds.reduced[i] = gainOf(page.beyondReduced);
      bounds.checkedAt[i] = round;
      if (graph.edgeFlow.length === before && bounds.reduced[i]! > value[i]!)
        throw new Error(`cohort candidate source gave no edge that improves for ${ids[i]}`);
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
  edgeMentee: number[];
  edgeMentor: number[];
  edgeGain: number[];
  edgeFlow: number[];
  edgeRef: CohortEdge[];
}

/** Per mentee: the bound on left-out scores; the bound on left-out score − price at the prices of round `checkedAt`. */
interface MenteeBounds {
  beyond: number[];
  reduced: number[];
  checkedAt: number[];
}

/**
 * Prices from the potentials, each mentee's value over its edges in the solve, the bound on what its left-out edges
 * could add (`left`), the mentees for which that bound exceeds the value, and the dual bound Σ max(u, left) + Σ c·v.
 */
function checkDuals(
  flow: MinCostFlow,
  n: number,
  mentors: readonly CohortMentor[],
  sink: number,
  g: GraphEdges,
  b: MenteeBounds,
  checkedPrices: readonly Float64Array[],
) {
  const ps = flow.potentialOf(sink);
  const price = Float64Array.from(mentors, (m, j) =>
    m.remainingCapacity > 0 ? Math.max(0, ps - flow.potentialOf(n + j)) : 0,
  );
  let cheapest = Infinity;
  mentors.forEach((m, j) => {
    if (m.remainingCapacity > 0) cheapest = Math.min(cheapest, price[j]!);
  });
  if (cheapest === Infinity) cheapest = 0;
  // How far any price fell since each earlier check.
  const fall = checkedPrices.map((old) => old.reduce((d, p, j) => Math.max(d, p - price[j]!), 0));
  const value = new Float64Array(n);
  for (let e = 0; e < g.edgeMentee.length; e++) {
    const i = g.edgeMentee[e]!;
    value[i] = Math.max(value[i]!, g.edgeGain[e]! - price[g.edgeMentor[e]!]!);
  }
  const failing: number[] = [];
  const left = new Float64Array(n);
  let bound = mentors.reduce((s, m, j) => s + Math.max(0, m.remainingCapacity) * price[j]!, 0);
  for (let i = 0; i < n; i++) {
    const at = b.checkedAt[i]!;
    left[i] = Math.min(b.beyond[i]! - cheapest, at >= 0 ? b.reduced[i]! + fall[at]! : Infinity);
    if (left[i]! > value[i]!) failing.push(i);
    bound += Math.max(value[i]!, left[i]!);
  }
  return { price, value, left, failing, bound };
}
