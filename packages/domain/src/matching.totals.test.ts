import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalsQuery, matchGoals, matchGoalsOne } from './matching.goals.js';
import { buildMentorIndex } from './matching.index.js';
import { candidateTotals, totalsScratch } from './matching.totals.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { makeEmployee, makeMentee, makeMentor, noSupervisors } from './test-factories.js';

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

  it('R-MATCH-1: totals through a reused scratch equal totals computed afresh, mentee after mentee, whatever their platform, OPDIV, grade, place, location preference, ways of meeting and settings', () => {
    const menteeShape = fc.record({
      goalsText: text,
      platform: fc.constantFrom('s2j' as const, 'p2p' as const),
      opdiv: fc.constantFrom('CDC', 'FDA'),
      grade: fc.constantFrom('GS-11', 'GS-13', 'GS-15'),
      invited: fc.boolean(),
      maxCapacity: fc.constantFrom(1, 5),
      locationPreference: fc.constantFrom(
        'no_preference' as const,
        'same_opdiv' as const,
        'cross_opdiv' as const,
        'same_location' as const,
      ),
      place: fc.constantFrom(
        { city: 'Atlanta', state: 'GA', timeZone: 'America/New_York' },
        { city: 'Savannah', state: 'GA', timeZone: 'America/New_York' },
        { city: 'Rockville', state: 'MD', timeZone: 'America/New_York' },
        { city: 'Denver', state: 'CO', timeZone: 'America/Denver' },
      ),
      communicationMethods: fc.subarray(['video', 'phone', 'in_person', 'email'] as const),
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(text, fc.constantFrom('CDC', 'FDA'), fc.boolean(), fc.constantFrom('GS-12', 'GS-14')),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.array(menteeShape, { minLength: 2, maxLength: 6 }),
        (shapes, mentees) => {
          const mentors = shapes.map(([careerText, opdiv, acceptsOtherOpdivs, g], j) =>
            makeMentor({
              id: `m${j}`,
              careerText,
              acceptsOtherOpdivs,
              capacity: 1 + (j % 3),
              liveMenteeCount: j % 2,
              platforms: j % 3 === 0 ? ['p2p'] : ['s2j', 'p2p'],
              communicationMethods: j % 2 ? ['video', 'phone'] : ['in_person'],
              employee: makeEmployee({
                id: `m${j}`,
                opdiv,
                grade: g,
                ...[{}, { city: 'Savannah' }, { city: 'Denver', state: 'CO', timeZone: 'America/Denver' }][
                  j % 3
                ],
              }),
            }),
          );
          const index = buildMentorIndex(mentors);
          const scratch = totalsScratch(index);
          const oneEach = { ...DEFAULT_SETTINGS, maxCapacity: 1 };
          mentees.forEach((shape, t) => {
            const settings = shape.maxCapacity === 1 ? oneEach : DEFAULT_SETTINGS;
            const mentee = makeMentee({
              id: `e${t}`,
              goalsText: shape.goalsText,
              platform: shape.platform,
              locationPreference: shape.locationPreference,
              communicationMethods: [...shape.communicationMethods],
              employee: makeEmployee({ id: `e${t}`, opdiv: shape.opdiv, grade: shape.grade, ...shape.place }),
              invitedMentorIds: shape.invited ? ['m0'] : [],
              developmentalNeeds: t % 2 ? ['decisiveness'] : ['strategic-thinking', 'decisiveness'],
            });
            const fresh = candidateTotals(mentee, index, settings, noSupervisors);
            const picked = (r: typeof fresh) =>
              Array.from(r.candidates.subarray(0, r.count), (i) => [i, r.totals[i], r.goals.cosine[i]]);
            const expected = picked(fresh);
            expect(picked(candidateTotals(mentee, index, settings, noSupervisors, { scratch }))).toEqual(
              expected,
            );
            // A cohort's totals leave the shared-terms masks out: the same totals and cosines, masks zero.
            const bare = candidateTotals(mentee, index, settings, noSupervisors, {
              scratch,
              sharedTerms: false,
            });
            expect(picked(bare)).toEqual(expected);
            expect(bare.goals.sharedMask.every((m) => m === 0)).toBe(true);
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
