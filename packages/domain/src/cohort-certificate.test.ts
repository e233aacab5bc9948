import fc from 'fast-check';
import solver from 'javascript-lp-solver';
import { describe, expect, it } from 'vitest';
import { verifyCohortCertificate } from './cohort-certificate.js';
import { solveCohort, type CohortEdge, type CohortMentor } from './cohort-matching.js';
import { COHORT_SCORE_CACHE_PAIRS, cohortFromProfiles } from './cohort-profiles.js';
import { scoreCandidates } from './matching.scorer.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { makeMentee, makeMentor, noSupervisors } from './test-factories.js';
import type { CommunicationMethod } from './types.js';

/** The exact optimum by an integer program over every edge (an independent solver). */
function integerProgram(mentees: string[], mentors: CohortMentor[], edges: CohortEdge[]): number {
  const constraints: Record<string, { max: number }> = {};
  for (const t of mentees) constraints[t] = { max: 1 };
  for (const m of mentors) constraints[m.id] = { max: m.remainingCapacity };
  const variables = Object.fromEntries(
    edges.map((e, k) => [`x${k}`, { score: e.score, [e.menteeId]: 1, [e.mentorId]: 1 }]),
  );
  const ints = Object.fromEntries(edges.map((_, k) => [`x${k}`, 1 as const]));
  return (
    Math.round(
      solver.Solve({ optimize: 'score', opType: 'max', constraints, variables, ints }).result * 100,
    ) / 100
  );
}

/** Random cohorts, places plentiful or scarce (fewer places than mentees), many edges per mentee. */
const cohort = (scarce: boolean) =>
  fc
    .record({
      mentees: fc.integer({ min: 2, max: 14 }),
      mentors: fc.integer({ min: 2, max: 9 }),
      density: fc.double({ min: 0.3, max: 1, noNaN: true }),
    })
    .chain(({ mentees, mentors, density }) =>
      fc.record({
        mentees: fc.constant(Array.from({ length: mentees }, (_, i) => `t${i}`)),
        mentors: fc
          .array(fc.integer({ min: 0, max: scarce ? 1 : 3 }), { minLength: mentors, maxLength: mentors })
          .map((caps) => caps.map((c, j): CohortMentor => ({ id: `m${j}`, remainingCapacity: c }))),
        edges: fc
          .array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 10000 })), {
            minLength: mentees * mentors,
            maxLength: mentees * mentors,
          })
          .map((cells) =>
            cells.flatMap(([keep, s], k): CohortEdge[] =>
              keep < density
                ? [{ menteeId: `t${Math.floor(k / mentors)}`, mentorId: `m${k % mentors}`, score: s / 100 }]
                : [],
            ),
          ),
        topK: fc.integer({ min: 1, max: 3 }),
      }),
    );

/** Mentee `a` ranks 300 mentors; mentors 0..139 are each the only choice of a mentee who scores higher with them. */
function longTail() {
  const mentors = Array.from({ length: 300 }, (_, k): CohortMentor => ({
    id: `m${String(k).padStart(3, '0')}`,
    remainingCapacity: 1,
  }));
  const edges: CohortEdge[] = mentors.map((m, k) => ({ menteeId: 'a', mentorId: m.id, score: 90 - k * 0.1 }));
  for (let k = 0; k < 140; k++)
    edges.push({ menteeId: `b${String(k).padStart(3, '0')}`, mentorId: mentors[k]!.id, score: 95 });
  const mentees = [...new Set(edges.map((e) => e.menteeId))];
  return { mentees, mentors, edges };
}

/** 60 mentees, 30 mentors with 45 places between them: places scarce, many ties in score. */
function profileCohort() {
  const methods: CommunicationMethod[][] = [['video'], ['email'], ['video', 'email']];
  const mentors = Array.from({ length: 30 }, (_, j) =>
    makeMentor({
      id: `r${String(j).padStart(2, '0')}`,
      capacity: 1 + (j % 2),
      grade: ['GS-13', 'GS-14', 'GS-15'][j % 3],
      competencies: [
        ['strategic-thinking'],
        ['decisiveness', 'accountability'],
        ['strategic-thinking', 'decisiveness'],
      ][j % 3]!,
      communicationMethods: methods[j % 3]!,
      careerText: j % 4 === 0 ? 'budget policy leadership' : 'clinical research operations',
    }),
  );
  const mentees = Array.from({ length: 60 }, (_, i) =>
    makeMentee({
      id: `e${String(i).padStart(2, '0')}`,
      grade: i % 2 ? 'GS-11' : 'GS-12',
      developmentalNeeds: i % 3 ? ['decisiveness', 'strategic-thinking'] : ['accountability'],
      communicationMethods: methods[i % 3]!,
      goalsText: i % 5 ? 'grow into budget policy' : 'lead research operations',
    }),
  );
  return { mentees, mentors };
}

describe('cohort proposals with a certificate (R-MATCH-4-OPT)', () => {
  for (const scarce of [false, true]) {
    it(`R-MATCH-4-OPT: from a pruned start (K = 1–3), optimal over all eligible edges and certified (${scarce ? 'scarce places' : 'plentiful places'})`, () => {
      fc.assert(
        fc.property(cohort(scarce), ({ mentees, mentors, edges, topK }) => {
          const r = solveCohort(mentees, mentors, edges, { topK });
          expect(r.proof.status).toBe('optimal');
          expect(r.total).toBeCloseTo(integerProgram(mentees, mentors, edges), 6);
          expect(r.proof.bound).toBeCloseTo(r.total, 6);
          expect(verifyCohortCertificate(mentees, mentors, edges, r)).toEqual({
            ok: true,
            bound: r.proof.bound,
          });
        }),
        { numRuns: 150 },
      );
    });
  }

  it("R-MATCH-4-OPT: finds a long-tail optimum (a mentee's 141st mentor) from K = 25 by widening only that mentee", () => {
    const { mentees, mentors, edges } = longTail();
    const r = solveCohort(mentees, mentors, edges, { topK: 25 });
    expect(r.pairs.find((p) => p.menteeId === 'a')?.mentorId).toBe('m140');
    expect(r.pairs).toHaveLength(141);
    expect(r.total).toBeCloseTo(140 * 95 + 76, 6);
    expect(r.proof).toMatchObject({ status: 'optimal', gap: 0, widenedMentees: 1 });
    expect(r.proof.edges).toBeLessThan(edges.length);
    expect(verifyCohortCertificate(mentees, mentors, edges, r).ok).toBe(true);
  });

  it('R-MATCH-4-OPT: when the time budget stops the repair, the proposal carries a proven gap that bounds the optimum', () => {
    const { mentees, mentors, edges } = longTail();
    let clock = 0;
    const r = solveCohort(mentees, mentors, edges, { topK: 25, budgetMs: 5, now: () => (clock += 10) });
    expect(r.proof.status).toBe('within-gap');
    expect(r.proof.gap).toBeGreaterThan(0);
    expect(r.proof.bound).toBeCloseTo(r.total + r.proof.gap, 6);
    expect(r.proof.bound).toBeGreaterThanOrEqual(140 * 95 + 76);
    expect(verifyCohortCertificate(mentees, mentors, edges, r)).toEqual({ ok: true, bound: r.proof.bound });
  });

  it('R-MATCH-4-OPT: the verifier refuses a certificate that leaves an eligible edge uncovered, or a claim of optimality that is not', () => {
    const { mentees, mentors, edges } = longTail();
    const r = solveCohort(mentees, mentors, edges, { topK: 25 });
    const cheaper = {
      ...r,
      duals: {
        ...r.duals,
        mentorPrice: new Map([...r.duals.mentorPrice].map(([id, v]) => [id, id === 'm000' ? v - 1 : v])),
      },
    };
    expect(verifyCohortCertificate(mentees, mentors, edges, cheaper)).toMatchObject({
      ok: false,
      rule: 'R-MATCH-4-OPT',
    });
    const worse = solveCohort(
      mentees,
      mentors,
      edges.filter((e) => !(e.menteeId === 'a' && e.mentorId === 'm140')),
      { topK: 25 },
    );
    expect(verifyCohortCertificate(mentees, mentors, edges, worse)).toMatchObject({
      ok: false,
      detail: expect.stringContaining('not covered'),
    });
  });

  it('R-MATCH-4-OPT: from profiles, the proposal is certified over every eligible pair the scorer ranks, scarce places included', () => {
    const { mentees, mentors } = profileCohort();
    const r = cohortFromProfiles(mentees, mentors, DEFAULT_SETTINGS, {
      supervisorOf: noSupervisors,
      topK: 2,
    });
    const eligible = mentees.flatMap((m) =>
      scoreCandidates(m, mentors, DEFAULT_SETTINGS, { supervisorOf: noSupervisors }).map((s) => ({
        menteeId: m.employeeId,
        mentorId: s.mentorId,
        score: s.total,
      })),
    );
    const capacities = mentors.map((m) => ({ id: m.employeeId, remainingCapacity: m.capacity }));
    expect(r.proof.status).toBe('optimal');
    expect(r.pairs).toHaveLength(45);
    expect(r.total).toBeCloseTo(
      solveCohort(
        mentees.map((m) => m.employeeId),
        capacities,
        eligible,
        { topK: Infinity },
      ).total,
      6,
    );
    expect(
      verifyCohortCertificate(
        mentees.map((m) => m.employeeId),
        capacities,
        eligible,
        r,
      ).ok,
    ).toBe(true);
    for (const p of r.pairs)
      expect(p.reasons).toEqual(
        scoreCandidates(
          mentees.find((m) => m.employeeId === p.menteeId)!,
          mentors,
          DEFAULT_SETTINGS,
          { supervisorOf: noSupervisors },
        ).find((s) => s.mentorId === p.mentorId)!.reasons,
      );
  });

  it('R-MATCH-4-OPT: scores remembered across repair rounds give the same proposal, proof and reasons as scoring again', () => {
    const { mentees, mentors } = profileCohort();
    const solve = (cachePairs: number) =>
      cohortFromProfiles(mentees, mentors, DEFAULT_SETTINGS, {
        supervisorOf: noSupervisors,
        topK: 1,
        cachePairs,
      });
    const remembered = solve(COHORT_SCORE_CACHE_PAIRS);
    expect(remembered.proof.rounds).toBeGreaterThan(0);
    expect(solve(0)).toEqual(remembered);
    expect(solve(400)).toEqual(remembered); // some mentees remembered, the rest scored again
  });
});
