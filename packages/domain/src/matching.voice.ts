// The criteria's sentences speak to the mentee ("Covers 3 of your 4 development needs"). A coordinator looking at a
// mentee's suggestions is not that mentee: the same sentences, about the mentee instead of to them.
const THIRD_PERSON: [RegExp, string][] = [
  [/\bYou listed\b/g, 'The mentee listed'],
  [/\bYou have\b/g, 'The mentee has'],
  [/\bYour\b/g, 'The mentee’s'],
  [/\byou are\b/g, 'the mentee is'],
  [/\byou asked\b/g, 'the mentee asked'],
  [/\byour\b/g, 'the mentee’s'],
];

/** A criterion sentence written to the mentee, rewritten about them (for coordinators). */
export function aboutTheMentee(sentence: string): string {
  return THIRD_PERSON.reduce((s, [pattern, words]) => s.replace(pattern, words), sentence);
}
