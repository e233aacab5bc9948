import stopword from 'stopword';
import { stemmer } from 'stemmer';

const STOP_WORDS = new Set(stopword.eng);

export interface Token {
  stem: string;
  surface: string;
}

/** Lower-case words of two or more letters, stop words removed, Porter-stemmed. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const word of text.toLowerCase().match(/[a-z][a-z0-9]+/g) ?? []) {
    if (STOP_WORDS.has(word)) continue;
    tokens.push({ stem: stemmer(word), surface: word });
  }
  return tokens;
}

export function termCounts(tokens: readonly Token[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t.stem, (counts.get(t.stem) ?? 0) + 1);
  return counts;
}
