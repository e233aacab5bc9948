import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPairEligibility } from './eligibility.js';
import { scoreCandidates } from './matching.scorer.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { makeEmployee, makeMentee, makeMentor, noSupervisors } from './test-factories.js';
import type { MentorProfile } from './types.js';

const settings = DEFAULT_SETTINGS;
const opts = { supervisorOf: noSupervisors };

describe('auto-matching scorer (R-MATCH-1)', () => {
  it('R-MATCH-1: explains needs coverage by name, weighting higher-ranked needs more', () => {
    const mentee = makeMentee({
      developmentalNeeds: ['strategic-thinking', 'accountability', 'decisiveness', 'vision'],
    });
    const [first, second] = scoreCandidates(
      mentee,
      [
        makeMentor({ id: 'a', competencies: ['vision', 'decisiveness', 'accountability'] }),
        makeMentor({ id: 'b', competencies: ['strategic-thinking', 'accountability', 'decisiveness'] }),
      ],
      settings,
      opts,
    );
    expect(first?.mentorId).toBe('b');
    expect(first?.criteria[0]).toMatchObject({
      key: 'needs',
      explanation: 'Covers 3 of your 4 development needs: Strategic Thinking, Accountability, Decisiveness',
    });
    expect(first!.criteria[0]!.score).toBeGreaterThan(second!.criteria[0]!.score);
  });

  it('R-MATCH-1: names the shared goal terms from TF-IDF similarity with stemming', () => {
    const mentee = makeMentee({ goalsText: 'I want to lead budget policy and grow my leadership' });
    const [top] = scoreCandidates(
      mentee,
      [
        makeMentor({ id: 'a', careerText: 'Budgeting and policies for public health leadership' }),
        makeMentor({ id: 'b', careerText: 'Laboratory chemistry research' }),
      ],
      settings,
      opts,
    );
    expect(top?.mentorId).toBe('a');
    const goals = top?.criteria.find((c) => c.key === 'goals');
    expect(goals?.explanation).toMatch(/^Your goals and their career share: /);
    expect(goals?.explanation).toContain('budget');
    expect(goals?.explanation).toContain('policy');
  });

  it('R-MATCH-1: prefers a closer grade for P2P', () => {
    const mentee = makeMentee({ platform: 'p2p', grade: 'GS-12' });
    const ranked = scoreCandidates(
      mentee,
      [makeMentor({ id: 'far', grade: 'GS-15' }), makeMentor({ id: 'near', grade: 'GS-12' })],
      settings,
      opts,
    );
    expect(ranked.map((r) => r.mentorId)).toEqual(['near', 'far']);
  });

  it('R-MATCH-1: scores geography by the mentee preference', () => {
    const denver = makeEmployee({
      id: 'den',
      grade: 'GS-14',
      city: 'Denver',
      state: 'CO',
      timeZone: 'America/Denver',
      opdiv: 'NIH',
    });
    const mentee = makeMentee({ locationPreference: 'same_location' });
    const ranked = scoreCandidates(
      mentee,
      [makeMentor({ id: 'den', employee: denver }), makeMentor({ id: 'atl' })],
      settings,
      opts,
    );
    expect(ranked[0]?.mentorId).toBe('atl');
    expect(ranked[0]?.criteria.find((c) => c.key === 'geography')?.explanation).toBe(
      'Works in your city (Atlanta, GA)',
    );
    const cross = scoreCandidates(
      makeMentee({ locationPreference: 'cross_opdiv' }),
      [makeMentor({ id: 'den', employee: denver }), makeMentor({ id: 'atl' })],
      settings,
      opts,
    );
    expect(cross[0]?.mentorId).toBe('den');
  });

  it('R-MATCH-1: leaves out mentors already invited by or who declined this mentee', () => {
    const mentee = makeMentee({ invitedMentorIds: ['a'], declinedByMentorIds: ['b'] });
    const ranked = scoreCandidates(
      mentee,
      ['a', 'b', 'c'].map((id) => makeMentor({ id })),
      settings,
      opts,
    );
    expect(ranked.map((r) => r.mentorId)).toEqual(['c']);
  });

  it('R-MATCH-1: totals lie in 0..100 and reasons come from the criteria', () => {
    const [r] = scoreCandidates(makeMentee(), [makeMentor()], settings, opts);
    expect(r!.total).toBeGreaterThan(0);
    expect(r!.total).toBeLessThanOrEqual(100);
    for (const reason of r!.reasons) expect(r!.criteria.map((c) => c.explanation)).toContain(reason);
  });
});

const arbMentor = (i: number) =>
  fc
    .record({
      grade: fc.integer({ min: 5, max: 15 }),
      platforms: fc.subarray(['s2j', 'p2p'] as const, { minLength: 1 }),
      capacity: fc.integer({ min: 1, max: 5 }),
      live: fc.integer({ min: 0, max: 5 }),
      paused: fc.boolean(),
      active: fc.boolean(),
      accepts: fc.boolean(),
      opdiv: fc.constantFrom('CDC', 'NIH'),
      competencies: fc.subarray([
        'strategic-thinking',
        'accountability',
        'decisiveness',
        'vision',
        'teamwork',
      ]),
      career: fc.constantFrom('budget policy', 'research data', 'leadership budget', ''),
    })
    .map((m): MentorProfile =>
      makeMentor({
        id: `m${i}`,
        employee: makeEmployee({ id: `m${i}`, grade: `GS-${m.grade}`, opdiv: m.opdiv }),
        platforms: [...m.platforms],
        capacity: m.capacity,
        liveMenteeCount: m.live,
        paused: m.paused,
        active: m.active,
        acceptsOtherOpdivs: m.accepts,
        competencies: [...m.competencies],
        careerText: m.career,
      }),
    );

const arbPool = fc
  .integer({ min: 0, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbMentor(i))));
const arbMentee = fc.record({
  grade: fc.integer({ min: 5, max: 15 }),
  platform: fc.constantFrom('s2j' as const, 'p2p' as const),
  supervisor: fc.option(fc.integer({ min: 0, max: 11 }), { nil: undefined }),
  invited: fc.subarray(['m0', 'm1', 'm2']),
  declined: fc.subarray(['m3', 'm4']),
});

describe('scorer properties', () => {
  it('R-MATCH-1: never returns an ineligible mentor, and returns every eligible one', () => {
    fc.assert(
      fc.property(arbPool, arbMentee, (mentors, m) => {
        const mentee = makeMentee({
          grade: `GS-${m.grade}`,
          platform: m.platform,
          invitedMentorIds: m.invited,
          declinedByMentorIds: m.declined,
        });
        const supervisorOf = (id: string) =>
          id === 'mentee-1' && m.supervisor !== undefined ? `m${m.supervisor}` : null;
        const returned = new Set(
          scoreCandidates(mentee, mentors, settings, { supervisorOf }).map((r) => r.mentorId),
        );
        for (const mentor of mentors) {
          const eligible =
            checkPairEligibility({ mentor, mentee, supervisorOf, settings }).ok &&
            !m.invited.includes(mentor.employeeId) &&
            !m.declined.includes(mentor.employeeId);
          expect(returned.has(mentor.employeeId)).toBe(eligible);
        }
      }),
    );
  });

  it('R-MATCH-1: ranks deterministically, whatever the input order', () => {
    fc.assert(
      fc.property(
        arbPool.chain((pool) =>
          fc.tuple(fc.constant(pool), fc.shuffledSubarray(pool, { minLength: pool.length })),
        ),
        ([mentors, shuffled]) => {
          const mentee = makeMentee({ platform: 'p2p' });
          const ranked = scoreCandidates(mentee, mentors, settings, opts);
          expect(scoreCandidates(mentee, shuffled, settings, opts)).toEqual(ranked);
          expect(scoreCandidates(mentee, mentors, settings, opts)).toEqual(ranked);
          for (let i = 1; i < ranked.length; i++)
            expect(ranked[i - 1]!.total).toBeGreaterThanOrEqual(ranked[i]!.total);
        },
      ),
    );
  });
});
