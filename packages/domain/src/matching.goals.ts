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

export function matchGoals(goalsText: string, index: MentorIndex): GoalsMatch {
  const tokens = tokenize(goalsText);
  const surface = new Map<string, string>();
  for (const t of tokens) if (!surface.has(t.stem)) surface.set(t.stem, t.surface);
  const vector = weightTerms(termCounts(tokens), (stem) => inverseDocumentFrequency(index, stem));
  const ordered = [...vector].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const n = index.mentors.length;
  const cosine = new Float64Array(n);
  const sharedMask = new Uint32Array(n);
  ordered.forEach(([stem, q], k) => {
    const p = index.postings.get(stem);
    if (!p) return;
    const bit = k < TRACKED_TERMS ? 1 << k : 0;
    for (let j = 0; j < p.mentor.length; j++) {
      const m = p.mentor[j]!;
      cosine[m] = cosine[m]! + q * p.weight[j]!;
      sharedMask[m] = sharedMask[m]! | bit;
    }
  });
  return {
    cosine,
    sharedMask,
    terms: ordered.slice(0, TRACKED_TERMS).map(([stem]) => surface.get(stem) ?? stem),
  };
}

export function sharedTermsOf(match: GoalsMatch, mentor: number, max = 5): string[] {
  const mask = match.sharedMask[mentor] ?? 0;
  const shared: string[] = [];
  for (let k = 0; k < match.terms.length && shared.length < max; k++)
    if (mask & (1 << k)) shared.push(match.terms[k]!);
  return shared;
}
