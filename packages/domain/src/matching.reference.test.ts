import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competencyName } from './competencies.js';
import { effectiveCapacity, remainingCapacity } from './eligibility.js';
import {
  scoreCapacity,
  scoreCommunication,
  scoreGeography,
  scoreGoals,
  scoreNeeds,
  scorePlatform,
} from './matching.criteria.js';
import { matchGoals, sharedTermsOf } from './matching.goals.js';
import { buildMentorIndex } from './matching.index.js';
import { scoreCandidatesIndexed, type Criterion, type ScoredMentor } from './matching.scorer.js';
import { inSameChain, type SupervisorLookup } from './reporting-chain.js';
import { DEFAULT_SETTINGS, type ProgramSettings } from './settings.js';
import { makeEmployee, makeMentee, makeMentor } from './test-factories.js';
import type { MenteeProfile, MentorProfile } from './types.js';

/** The scorer written the plain way (one mentor at a time, every sentence built, one sort): what 0103 must not change. */
function referenceRanking(
  mentee: MenteeProfile,
  mentors: readonly MentorProfile[],
  settings: ProgramSettings,
  supervisorOf: SupervisorLookup,
  limit?: number,
): ScoredMentor[] {
  const index = buildMentorIndex(mentors);
  const goals = matchGoals(mentee.goalsText, index);
  const excluded = new Set([...mentee.invitedMentorIds, ...mentee.declinedByMentorIds, mentee.employeeId]);
  const w = settings.weights;
  const scored = mentors.flatMap((mentor, i) => {
    if (
      excluded.has(mentor.employeeId) ||
      !mentor.active ||
      mentor.paused ||
      !mentor.platforms.includes(mentee.platform)
    )
      return [];
    if (remainingCapacity(mentor, settings) <= 0) return [];
    if (!mentor.acceptsOtherOpdivs && mentor.employee.opdiv !== mentee.employee.opdiv) return [];
    if (
      mentee.platform === 's2j' &&
      (mentor.employee.grade.rank <= mentee.employee.grade.rank ||
        inSameChain(mentor.employeeId, mentee.employeeId, supervisorOf))
    )
      return [];
    const criteria: Criterion[] = [
      {
        key: 'needs',
        weight: w.needs,
        ...scoreNeeds(mentee.developmentalNeeds, new Set(mentor.competencies), competencyName),
      },
      { key: 'goals', weight: w.goals, ...scoreGoals(goals.cosine[i]!, sharedTermsOf(goals, i)) },
      {
        key: 'platform',
        weight: w.platform,
        ...scorePlatform(mentee.platform, mentor.employee.grade, mentee.employee.grade),
      },
      {
        key: 'geography',
        weight: w.geography,
        ...scoreGeography(mentee.locationPreference, mentor.employee, mentee.employee),
      },
      {
        key: 'communication',
        weight: w.communication,
        ...scoreCommunication(mentee.communicationMethods, mentor.communicationMethods),
      },
      {
        key: 'capacity',
        weight: w.capacity,
        ...scoreCapacity(remainingCapacity(mentor, settings), effectiveCapacity(mentor, settings)),
      },
    ].map(({ key, weight, score, explanation }) => ({ key, weight, score, explanation }) as Criterion);
    const points = criteria.reduce((sum, c) => sum + c.weight * c.score, 0);
    const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
    const total = weights > 0 ? Math.round((points / weights) * 10000) / 100 : 0;
    const reasons = criteria
      .filter((c) => c.score >= 0.5 && c.weight > 0)
      .sort((a, b) => b.weight * b.score - a.weight * a.score)
      .map((c) => c.explanation);
    return [{ mentorId: mentor.employeeId, total, criteria, reasons }];
  });
  scored.sort(
    (a, b) => b.total - a.total || (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : 0),
  );
  return limit === undefined ? scored : scored.slice(0, limit);
}

const places = [
  { city: 'Atlanta', state: 'GA', timeZone: 'America/New_York', opdiv: 'CDC' },
  { city: 'Savannah', state: 'GA', timeZone: 'America/New_York', opdiv: 'CDC' },
  { city: 'Bethesda', state: 'MD', timeZone: 'America/New_York', opdiv: 'NIH' },
  { city: 'Denver', state: 'CO', timeZone: 'America/Denver', opdiv: 'FDA' },
];
const codes = ['strategic-thinking', 'accountability', 'decisiveness', 'vision', 'teamwork', 'not-a-code'];
const methods = ['in_person', 'phone', 'video', 'email'] as const;
const texts = [
  'budget policy',
  'research data analysis',
  'leadership budget budgets',
  'public health leadership',
  '',
];

const arbMentor = fc
  .record({
    id: fc.integer({ min: 0, max: 15 }),
    grade: fc.integer({ min: 9, max: 15 }),
    place: fc.constantFrom(...places),
    platforms: fc.constantFrom<Array<'s2j' | 'p2p'>>(['s2j', 'p2p'], ['s2j', 'p2p'], ['p2p'], ['s2j'], []),
    capacity: fc.integer({ min: 0, max: 7 }),
    live: fc.constantFrom(0, 0, 1, 2, 5),
    paused: fc.constantFrom(false, false, false, true),
    active: fc.constantFrom(true, true, true, false),
    accepts: fc.constantFrom(true, true, false),
    competencies: fc.array(fc.constantFrom(...codes), { maxLength: 6 }),
    methods: fc.array(fc.constantFrom(...methods), { maxLength: 4 }),
    career: fc.constantFrom(...texts),
  })
  .map((m): MentorProfile =>
    makeMentor({
      id: `m${m.id}`,
      employee: makeEmployee({ id: `m${m.id}`, grade: `GS-${m.grade}`, ...m.place }),
      platforms: [...m.platforms],
      capacity: m.capacity,
      liveMenteeCount: m.live,
      paused: m.paused,
      active: m.active,
      acceptsOtherOpdivs: m.accepts,
      competencies: m.competencies,
      careerText: m.career,
      communicationMethods: [...m.methods],
    }),
  );

const arbCase = fc.record({
  // Ids repeat now and then: the ranking must still follow the input order for equal ids.
  mentors: fc.array(arbMentor, { maxLength: 25 }),
  // Copies of a mentor under another id tie on every criterion: the order must then follow the employee id.
  clones: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 15 })), { maxLength: 6 }),
  grade: fc.integer({ min: 9, max: 15 }),
  place: fc.constantFrom(...places),
  platform: fc.constantFrom('s2j' as const, 'p2p' as const),
  preference: fc.constantFrom(
    'same_location' as const,
    'same_opdiv' as const,
    'cross_opdiv' as const,
    'no_preference' as const,
  ),
  needs: fc.array(fc.constantFrom(...codes), { maxLength: 5 }),
  methods: fc.array(fc.constantFrom(...methods), { maxLength: 3 }),
  goals: fc.constantFrom(...texts, 'I want budget leadership and data research'),
  excluded: fc.subarray(['m0', 'm1', 'm2', 'm3']),
  supervisors: fc.array(fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }), {
    minLength: 16,
    maxLength: 16,
  }),
  weights: fc.option(fc.tuple(...Array.from({ length: 6 }, () => fc.integer({ min: 0, max: 40 }))), {
    nil: undefined,
  }),
  // Mostly short pages, so the bounded top-k path (and its late chain check) runs, not only the full sort.
  limit: fc.option(
    fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 30 }), fc.constantFrom(2.5, -1, -3)),
    { nil: undefined },
  ),
});

describe('optimised scorer against the plain reference (docs/decisions/0103)', () => {
  it('R-MATCH-1: same mentors, totals, criteria, reasons and order on random pools, settings and pages', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const copies =
          c.mentors.length === 0
            ? []
            : c.clones.map(([from, id]) => ({
                ...c.mentors[from % c.mentors.length]!,
                employeeId: `m${id}`,
              }));
        const mentors = [...c.mentors, ...copies];
        const mentee = makeMentee({
          id: 'm15',
          employee: makeEmployee({ id: 'm15', grade: `GS-${c.grade}`, ...c.place }),
          platform: c.platform,
          locationPreference: c.preference,
          developmentalNeeds: c.needs,
          communicationMethods: [...c.methods],
          goalsText: c.goals,
          invitedMentorIds: c.excluded.slice(0, 2),
          declinedByMentorIds: c.excluded.slice(2),
        });
        // A small organisation m0…m15 (cycles allowed) so the S2J chain rule has work to do.
        const supervisorOf = (id: string) => {
          const s = c.supervisors[Number(id.slice(1))];
          return s === null || s === undefined ? null : `m${s}`;
        };
        const [needs, goals, platform, geography, communication, capacity] = c.weights ?? [];
        const settings = c.weights
          ? {
              ...DEFAULT_SETTINGS,
              maxCapacity: 4,
              weights: {
                needs: needs!,
                goals: goals!,
                platform: platform!,
                geography: geography!,
                communication: communication!,
                capacity: capacity!,
              },
            }
          : DEFAULT_SETTINGS;
        const optimised = scoreCandidatesIndexed(mentee, buildMentorIndex(mentors), settings, {
          supervisorOf,
          limit: c.limit,
        });
        expect(optimised).toEqual(referenceRanking(mentee, mentors, settings, supervisorOf, c.limit));
      }),
      { numRuns: 500 },
    );
  });

  it("R-PLAT-1: a short page still leaves out the best mentor when they are in the mentee's chain", () => {
    const mentors = Array.from({ length: 10 }, (_, i) => makeMentor({ id: `m${i}`, grade: 'GS-14' }));
    const mentee = makeMentee({ id: 'm15', grade: 'GS-12', platform: 's2j' });
    const supervisorOf = (id: string) => (id === 'm15' ? 'm9' : id === 'm0' ? 'm15' : null);
    const page = scoreCandidatesIndexed(mentee, buildMentorIndex(mentors), DEFAULT_SETTINGS, {
      supervisorOf,
      limit: 2,
    });
    expect(page.map((s) => s.mentorId)).toEqual(['m1', 'm2']);
    expect(page).toEqual(referenceRanking(mentee, mentors, DEFAULT_SETTINGS, supervisorOf, 2));
  });
});
