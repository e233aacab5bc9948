import stopword from 'stopword';
import { stemmer } from 'stemmer';

const STOP_WORDS = new Set(stopword.eng);
/** Porter stems remembered per word: a vocabulary is small, and stemming was 4–6 % of a cohort solve (decision 0644). */
const STEMS = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

function stemOf(word: string): string {
  let stem = STEMS.get(word);
  if (stem === undefined) {
    if (STEMS.size >= STEM_CACHE_LIMIT) STEMS.clear();
    STEMS.set(word, (stem = stemmer(word)));
  }
  return stem;
}

export interface Token {
  stem: string;
  surface: string;
}

/** Lower-case words of two or more letters, stop words removed, Porter-stemmed. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const word of text.toLowerCase().match(/[a-z][a-z0-9]+/g) ?? []) {
    if (STOP_WORDS.has(word)) continue;
    tokens.push({ stem: stemOf(word), surface: word });
  }
  return tokens;
}

export function termCounts(tokens: readonly Token[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t.stem, (counts.get(t.stem) ?? 0) + 1);
  return counts;
}
