import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalsQuery, matchGoals, matchGoalsOne } from './matching.goals.js';
import { buildMentorIndex } from './matching.index.js';
import { candidateTotals, totalsScratch } from './matching.totals.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { makeMentee, makeMentor, noSupervisors } from './test-factories.js';

const WORDS = [
  'budget',
  'policy',
  'lead',
  'leading',
  'research',
  'clinical',
  'data',
  'grants',
  'public',
  'health',
];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((w) => w.join(' '));
const pool = (careers: string[]) =>
  careers.map((careerText, j) =>
    makeMentor({
      id: `m${j}`,
      careerText,
      capacity: 1 + (j % 3),
      competencies: j % 2 ? ['decisiveness'] : ['strategic-thinking'],
    }),
  );

describe('ranking many mentees on one index (R-MATCH-1, decision 0644)', () => {
  it('R-MATCH-1: the goals match of one pair is bit-for-bit the cosine and shared terms of the scatter over every mentor', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), text, (careers, goals) => {
        const index = buildMentorIndex(pool(careers));
        const all = matchGoals(goals, index);
        const query = goalsQuery(goals, index);
        careers.forEach((_, i) => {
          const one = matchGoalsOne(query, index, i);
          expect(one.cosine).toBe(all.cosine[i]);
          expect(one.sharedMask >>> 0).toBe(all.sharedMask[i]);
        });
      }),
    );
  });

  it('R-MATCH-1: totals through a reused scratch equal totals computed afresh, mentee after mentee', () => {
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 8 }),
        fc.array(text, { minLength: 2, maxLength: 5 }),
        (careers, goals) => {
          const index = buildMentorIndex(pool(careers));
          const scratch = totalsScratch(index);
          goals.forEach((goalsText, t) => {
            const mentee = makeMentee({
              id: `e${t}`,
              goalsText,
              developmentalNeeds: t % 2 ? ['decisiveness'] : ['strategic-thinking', 'decisiveness'],
            });
            const fresh = candidateTotals(mentee, index, DEFAULT_SETTINGS, noSupervisors);
            const reused = candidateTotals(mentee, index, DEFAULT_SETTINGS, noSupervisors, { scratch });
            expect(reused.count).toBe(fresh.count);
            const picked = (r: typeof fresh) =>
              Array.from(r.candidates.subarray(0, r.count), (i) => [i, r.totals[i], r.goals.cosine[i]]);
            expect(picked(reused)).toEqual(picked(fresh));
          });
        },
      ),
    );
  });

  it('R-MATCH-1: refuses a scratch built for another mentor index', () => {
    const a = buildMentorIndex(pool(['budget policy']));
    const b = buildMentorIndex(pool(['budget policy']));
    expect(() =>
      candidateTotals(makeMentee(), a, DEFAULT_SETTINGS, noSupervisors, { scratch: totalsScratch(b) }),
    ).toThrow(/another mentor index/);
  });
});
