import { buildMentorFacets, type MentorFacets } from './matching.facets.js';
import { termCounts, tokenize } from './text.js';
import type { MentorProfile } from './types.js';

/** A unit-length TF-IDF vector: stem → weight. */
export type TermVector = Map<string, number>;

interface Posting {
  mentor: Int32Array;
  weight: Float64Array;
}

/**
 * Everything about the mentor pool that does not depend on the mentee, computed once (R-MATCH-1 performance):
 * stemmed career texts as TF-IDF vectors, an inverted index for the dot products, competency sets, and the facets the
 * ranking reads instead of the profiles. The profiles must not be changed after indexing (build a new index).
 */
export interface MentorIndex {
  mentors: readonly MentorProfile[];
  competencies: ReadonlyArray<ReadonlySet<string>>;
  vectors: readonly TermVector[];
  postings: ReadonlyMap<string, Posting>;
  documentFrequency: ReadonlyMap<string, number>;
  facets: MentorFacets;
}

export function mentorDocument(m: MentorProfile): string {
  return `${m.employee.occupationTitle} ${m.technicalAreas} ${m.careerText}`;
}

/** Smoothed IDF over the mentor pool, so a term no mentor uses still has a finite weight. */
export function inverseDocumentFrequency(
  index: Pick<MentorIndex, 'mentors' | 'documentFrequency'>,
  stem: string,
): number {
  const n = index.mentors.length;
  return Math.log((n + 1) / ((index.documentFrequency.get(stem) ?? 0) + 1)) + 1;
}

/** Sub-linear term frequency (1 + ln tf) times idf, normalised to unit length. */
export function weightTerms(counts: Map<string, number>, idf: (stem: string) => number): TermVector {
  const vector: TermVector = new Map();
  let norm = 0;
  for (const [stem, tf] of counts) {
    const w = (1 + Math.log(tf)) * idf(stem);
    vector.set(stem, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [stem, w] of vector) vector.set(stem, w / norm);
  return vector;
}

export function buildMentorIndex(mentors: readonly MentorProfile[]): MentorIndex {
  const counts = mentors.map((m) => termCounts(tokenize(mentorDocument(m))));
  const documentFrequency = new Map<string, number>();
  for (const c of counts)
    for (const stem of c.keys()) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
  const idf = (stem: string) => inverseDocumentFrequency({ mentors, documentFrequency }, stem);
  const vectors = counts.map((c) => weightTerms(c, idf));
  const lists = new Map<string, { mentor: number[]; weight: number[] }>();
  vectors.forEach((vector, i) => {
    for (const [stem, w] of vector) {
      let p = lists.get(stem);
      if (!p) lists.set(stem, (p = { mentor: [], weight: [] }));
      p.mentor.push(i);
      p.weight.push(w);
    }
  });
  const postings = new Map<string, Posting>(
    [...lists].map(([stem, p]) => [
      stem,
      { mentor: Int32Array.from(p.mentor), weight: Float64Array.from(p.weight) },
    ]),
  );
  const competencies = mentors.map((m) => new Set(m.competencies));
  return {
    mentors,
    competencies,
    vectors,
    postings,
    documentFrequency,
    facets: buildMentorFacets(mentors, competencies),
  };
}
