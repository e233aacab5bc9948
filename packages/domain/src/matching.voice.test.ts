import { describe, expect, it } from 'vitest';
import {
  scoreCommunication,
  scoreGeography,
  scoreGoals,
  scoreNeeds,
  scorePlatform,
} from './matching.criteria.js';
import { aboutTheMentee } from './matching.voice.js';
import { parseGrade } from './grades.js';
import type { EmployeeFacts, LocationPreference } from './types.js';

const place = (opdiv: string, city: string, state: string, timeZone: string) =>
  ({ opdiv, city, state, timeZone }) as unknown as EmployeeFacts;
const menteeAt = place('CDC', 'Atlanta', 'GA', 'America/New_York');
const mentors = [
  place('CDC', 'Atlanta', 'GA', 'America/New_York'),
  place('NIH', 'Athens', 'GA', 'America/New_York'),
  place('NIH', 'Boston', 'MA', 'America/New_York'),
  place('FDA', 'Denver', 'CO', 'America/Denver'),
];
const prefs: LocationPreference[] = ['no_preference', 'same_opdiv', 'cross_opdiv', 'same_location'];

/** Every sentence shape the criteria can write to a mentee. */
function allSentences(): string[] {
  const name = (code: string) => code;
  const gs = (g: string) => {
    const parsed = parseGrade('GS', g);
    if (!parsed.ok) throw new Error(parsed.detail);
    return parsed.grade;
  };
  return [
    scoreNeeds([], new Set(), name).explanation,
    scoreNeeds(['a', 'b'], new Set(), name).explanation,
    scoreNeeds(['a', 'b'], new Set(['a']), name).explanation,
    scoreGoals(0, []).explanation,
    scoreGoals(0.5, ['budget']).explanation,
    scorePlatform('s2j', gs('15'), gs('12')).explanation,
    scorePlatform('p2p', gs('12'), gs('12')).explanation,
    scorePlatform('p2p', gs('13'), gs('12')).explanation,
    ...prefs.flatMap((p) => mentors.map((m) => scoreGeography(p, m, menteeAt).explanation)),
    scoreCommunication([], ['video']).explanation,
    scoreCommunication(['video'], []).explanation,
    scoreCommunication(['video', 'phone'], ['video']).explanation,
  ];
}

describe('aboutTheMentee', () => {
  it('R-MATCH-1: rewrites every criterion sentence so a coordinator never reads the mentee addressed as "you"', () => {
    const sentences = allSentences();
    expect(sentences.some((s) => /\byou(r)?\b/i.test(s))).toBe(true);
    for (const s of sentences) expect(aboutTheMentee(s)).not.toMatch(/\byou(r)?\b/i);
  });

  it('keeps the facts of the sentence', () => {
    expect(aboutTheMentee('Covers 1 of your 2 development needs: a')).toBe(
      'Covers 1 of the mentee’s 2 development needs: a',
    );
    expect(aboutTheMentee('Peer-to-Peer, 1 grade apart (GS-13; you are GS-12)')).toBe(
      'Peer-to-Peer, 1 grade apart (GS-13; the mentee is GS-12)',
    );
  });
});
