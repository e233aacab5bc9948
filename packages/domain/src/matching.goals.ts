import { inverseDocumentFrequency, weightTerms, type MentorIndex } from './matching.index.js';
import { termCounts, tokenize } from './text.js';

/** Shared terms are tracked for the mentee's 32 heaviest goal terms (one bit each); all terms count in the cosine. */
const TRACKED_TERMS = 32;

export interface GoalsMatch {
  /** Cosine similarity of the goals text with each indexed mentor's career document. */
  cosine: Float64Array;
  /** Bit k set when the mentor's document contains tracked term k. */
  sharedMask: Uint32Array;
  /** The mentee's own word for each tracked term, heaviest first. */
  terms: string[];
}

/** A mentee's goals as weighted stems, heaviest first (ties by stem): the order every cosine is summed in. */
export interface GoalsQuery {
  stems: string[];
  /** A typed array, so every query has the same shape: plain arrays of whole and fractional weights do not. */
  weights: Float64Array;
  /** The mentee's own word for each tracked term, heaviest first. */
  terms: string[];
}

export function goalsQuery(goalsText: string, index: MentorIndex): GoalsQuery {
  const tokens = tokenize(goalsText);
  const surface = new Map<string, string>();
  for (const t of tokens) if (!surface.has(t.stem)) surface.set(t.stem, t.surface);
  const vector = weightTerms(termCounts(tokens), (stem) => inverseDocumentFrequency(index, stem));
  const ordered = [...vector].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return {
    stems: ordered.map(([stem]) => stem),
    weights: Float64Array.from(ordered, ([, q]) => q),
    terms: ordered.slice(0, TRACKED_TERMS).map(([stem]) => surface.get(stem) ?? stem),
  };
}

/**
 * The cosine with every mentor by scattering the query over the postings. `into` (buffers of the index's length,
 * e.g. a scorer's scratch) is zeroed and filled instead of allocating two arrays per mentee. With `sharedTerms: false`
 * the shared-terms masks are left zero (only the cosines are computed).
 */
export function matchGoals(
  goals: string | GoalsQuery,
  index: MentorIndex,
  into?: Pick<GoalsMatch, 'cosine' | 'sharedMask'>,
  { sharedTerms = true }: { sharedTerms?: boolean } = {},
): GoalsMatch {
  const query = typeof goals === 'string' ? goalsQuery(goals, index) : goals;
  const n = index.mentors.length;
  const cosine = into ? into.cosine.fill(0) : new Float64Array(n);
  const sharedMask = into ? into.sharedMask.fill(0) : new Uint32Array(n);
  if (cosine.length !== n || sharedMask.length !== n)
    throw new Error('goals buffers were sized for another mentor index');
  const { stems, weights } = query;
  for (let k = 0; k < stems.length; k++) {
    const p = index.postings.get(stems[k]!);
    if (!p) continue;
    const q = weights[k]!;
    const { mentor, weight } = p;
    if (!sharedTerms) {
      // Totals alone (a cohort explains its chosen pairs with matchGoalsOne): a third less work per posting.
      for (let j = 0; j < mentor.length; j++) cosine[mentor[j]!] = cosine[mentor[j]!]! + q * weight[j]!;
      continue;
    }
    const bit = k < TRACKED_TERMS ? 1 << k : 0;
    for (let j = 0; j < mentor.length; j++) {
      const m = mentor[j]!;
      cosine[m] = cosine[m]! + q * weight[j]!;
      sharedMask[m] = sharedMask[m]! | bit;
    }
  }
  return { cosine, sharedMask, terms: query.terms };
}

/** The goals match of one mentor alone, summed in the same order as matchGoals, so the numbers are identical. */
export function matchGoalsOne(
  query: GoalsQuery,
  index: MentorIndex,
  mentor: number,
): { cosine: number; sharedMask: number } {
  let cosine = 0;
  let sharedMask = 0;
  const vector = index.vectors[mentor]!;
  for (let k = 0; k < query.stems.length; k++) {
    const w = vector.get(query.stems[k]!);
    if (w === undefined) continue;
    cosine = cosine + query.weights[k]! * w;
    sharedMask = sharedMask | (k < TRACKED_TERMS ? 1 << k : 0);
  }
  return { cosine, sharedMask };
}

export function sharedTermsOf(match: GoalsMatch, mentor: number, max = 5): string[] {
  const mask = match.sharedMask[mentor] ?? 0;
  const shared: string[] = [];
  for (let k = 0; k < match.terms.length && shared.length < max; k++)
    if (mask & (1 << k)) shared.push(match.terms[k]!);
  return shared;
}
