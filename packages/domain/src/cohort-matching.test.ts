import fc from 'fast-check';
import solver from 'javascript-lp-solver';
import { describe, expect, it } from 'vitest';
import { cohortFromProfiles } from './cohort-profiles.js';
import runCohortWork, { packCohortWorkAtOnce, unpackCohortWork } from './cohort-worker.js';
import { scoreCandidates } from './matching.scorer.js';
import { greedyCohort, solveCohort, type CohortEdge, type CohortMentor } from './cohort-matching.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { makeMentee, makeMentor, noSupervisors } from './test-factories.js';

const instance = fc
  .record({ mentees: fc.integer({ min: 1, max: 6 }), mentors: fc.integer({ min: 1, max: 4 }) })
  .chain(({ mentees, mentors }) =>
    fc.record({
      mentees: fc.constant(Array.from({ length: mentees }, (_, i) => `t${i}`)),
      mentors: fc.tuple(
        ...Array.from({ length: mentors }, (_, j) =>
          fc.integer({ min: 0, max: 3 }).map((c): CohortMentor => ({ id: `m${j}`, remainingCapacity: c })),
        ),
      ),
      edges: fc
        .tuple(
          ...Array.from({ length: mentees * mentors }, (_, k) =>
            fc
              .option(
                fc.integer({ min: 1, max: 10000 }).map((s) => s / 100),
                { nil: undefined },
              )
              .map((score) =>
                score === undefined
                  ? undefined
                  : { menteeId: `t${Math.floor(k / mentors)}`, mentorId: `m${k % mentors}`, score },
              ),
          ),
        )
        .map((es) => es.filter((e): e is CohortEdge => e !== undefined)),
    }),
  );

/** Tries every assignment (each mentee: one of its edges or nobody). */
function bruteForce(mentees: string[], mentors: CohortMentor[], edges: CohortEdge[]): number {
  const left = new Map(mentors.map((m) => [m.id, m.remainingCapacity]));
  const go = (i: number): number => {
    if (i === mentees.length) return 0;
    let best = go(i + 1);
    for (const e of edges.filter((x) => x.menteeId === mentees[i])) {
      const c = left.get(e.mentorId) ?? 0;
      if (c <= 0) continue;
      left.set(e.mentorId, c - 1);
      best = Math.max(best, e.score + go(i + 1));
      left.set(e.mentorId, c);
    }
    return best;
  };
  return go(0);
}

function linearProgram(mentees: string[], mentors: CohortMentor[], edges: CohortEdge[]): number {
  const constraints: Record<string, { max: number }> = {};
  for (const t of mentees) constraints[t] = { max: 1 };
  for (const m of mentors) constraints[m.id] = { max: m.remainingCapacity };
  const variables = Object.fromEntries(
    edges.map((e, k) => [`x${k}`, { score: e.score, [e.menteeId]: 1, [e.mentorId]: 1 }]),
  );
  const ints = Object.fromEntries(edges.map((_, k) => [`x${k}`, 1 as const]));
  return solver.Solve({ optimize: 'score', opType: 'max', constraints, variables, ints }).result;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

describe('cohort matching (R-MATCH-4)', () => {
  it('R-MATCH-4: prefers the higher total over the greedy choice', () => {
    const mentors = [
      { id: 'a', remainingCapacity: 1 },
      { id: 'b', remainingCapacity: 1 },
    ];
    const edges = [
      { menteeId: 'x', mentorId: 'a', score: 90 },
      { menteeId: 'x', mentorId: 'b', score: 80 },
      { menteeId: 'y', mentorId: 'a', score: 85 },
    ];
    const r = solveCohort(['x', 'y'], mentors, edges);
    expect(r.pairs.map((p) => `${p.menteeId}-${p.mentorId}`)).toEqual(['x-b', 'y-a']);
    expect(r.total).toBe(165);
    expect(r.greedyTotal).toBe(90);
    expect(greedyCohort(['x', 'y'], mentors, edges).unmatched).toEqual([
      { menteeId: 'y', reason: expect.stringContaining('assigned elsewhere') },
    ]);
  });

  it('R-MATCH-4: the greedy baseline takes edges by score, mentee, mentor, each mentee from its best K (both sort paths)', () => {
    const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    /** The baseline as first written: per-mentee lists sorted and cut to K, then one comparison sort of strings. */
    const reference = (ids: string[], mentors: CohortMentor[], edges: CohortEdge[], k: number) => {
      const room = new Map(mentors.map((m) => [m.id, m.remainingCapacity]));
      const lists = new Map(ids.map((id) => [id, [] as CohortEdge[]]));
      for (const e of edges)
        if (e.score > 0 && (room.get(e.mentorId) ?? 0) > 0) lists.get(e.menteeId)?.push(e);
      const all = [...lists.values()]
        .flatMap((l) => l.sort((a, b) => b.score - a.score || byId(a.mentorId, b.mentorId)).slice(0, k))
        .sort((a, b) => b.score - a.score || byId(a.menteeId, b.menteeId) || byId(a.mentorId, b.mentorId));
      const chosen = new Map<string, CohortEdge>();
      for (const e of all) {
        if (chosen.has(e.menteeId) || room.get(e.mentorId)! <= 0) continue;
        chosen.set(e.menteeId, e);
        room.set(e.mentorId, room.get(e.mentorId)! - 1);
      }
      return [...chosen.values()].sort((a, b) => byId(a.menteeId, b.menteeId));
    };
    fc.assert(
      fc.property(
        instance,
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        ({ mentees, mentors, edges }, k, twoDecimals) => {
          // Scores of more than two decimals take the comparison sort; the scorer's two-decimal ones the counting passes.
          // Whole points make ties (broken by mentee, then mentor) common.
          const scored = edges.map((e) => ({
            ...e,
            score: Math.round(e.score / 10) + (twoDecimals ? 0 : 1e-7),
          }));
          const ids = [...mentees].reverse();
          expect(greedyCohort(ids, mentors, scored, { topK: k }).pairs).toEqual(
            reference(mentees, mentors, scored, k),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('R-MATCH-4: reports a mentee with no eligible mentor as unmatched', () => {
    const r = solveCohort(['x'], [{ id: 'a', remainingCapacity: 1 }], []);
    expect(r.unmatched).toEqual([{ menteeId: 'x', reason: 'No eligible mentor with free capacity.' }]);
  });

  it('R-MATCH-4: is optimal against brute force and an integer program, never below greedy, within capacity', () => {
    fc.assert(
      fc.property(instance, ({ mentees, mentors, edges }) => {
        const r = solveCohort(mentees, mentors, edges, { topK: Infinity });
        expect(r.total).toBeCloseTo(round2(bruteForce(mentees, mentors, edges)), 6);
        expect(r.total).toBeCloseTo(round2(linearProgram(mentees, mentors, edges)), 6);
        expect(r.total).toBeGreaterThanOrEqual(r.greedyTotal);
        for (const m of mentors)
          expect(r.pairs.filter((p) => p.mentorId === m.id).length).toBeLessThanOrEqual(m.remainingCapacity);
        expect(new Set(r.pairs.map((p) => p.menteeId)).size).toBe(r.pairs.length);
        expect(r.pairs.length + r.unmatched.length).toBe(mentees.length);
      }),
      { numRuns: 200 },
    );
  });

  it('R-MATCH-4: from profiles, uses only eligible pairs and leaves out mentees under R-CAP-2', () => {
    const mentors = [
      makeMentor({ id: 'a', capacity: 1 }),
      makeMentor({ id: 'low', grade: 'GS-9', capacity: 5 }),
    ];
    const mentees = [
      makeMentee({ id: 'x' }),
      makeMentee({ id: 'y' }),
      makeMentee({ id: 'z', hasLiveRelationship: true }),
    ];
    const r = cohortFromProfiles(mentees, mentors, DEFAULT_SETTINGS, { supervisorOf: noSupervisors });
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]?.mentorId).toBe('a');
    expect(r.unmatched.map((u) => u.menteeId).sort()).toEqual(
      ['x', 'y', 'z'].filter((id) => id !== r.pairs[0]?.menteeId),
    );
    expect(r.unmatched.find((u) => u.menteeId === 'z')?.reason).toMatch(/^R-CAP-2/);
  });

  it('R-MATCH-4: each proposed pair carries the score and reasons the mentee sees among their suggestions (R-MATCH-1)', () => {
    const mentors = [makeMentor({ id: 'a', capacity: 1 }), makeMentor({ id: 'b', capacity: 1 })];
    const mentee = makeMentee({ id: 'x' });
    const r = cohortFromProfiles([mentee], mentors, DEFAULT_SETTINGS, { supervisorOf: noSupervisors });
    const suggested = scoreCandidates(mentee, mentors, DEFAULT_SETTINGS, { supervisorOf: noSupervisors });
    const pair = r.pairs[0]!;
    const same = suggested.find((s) => s.mentorId === pair.mentorId)!;
    expect(pair.score).toBe(same.total);
    expect(pair.reasons).toEqual(same.reasons);
    expect(pair.reasons.length).toBeGreaterThan(0);
  });

  it('R-MATCH-4, R-PLAT-1: the worker entry takes plain data (reporting chains as a map) and survives a structured clone', () => {
    const mentors = [makeMentor({ id: 'boss', capacity: 1 }), makeMentor({ id: 'other', capacity: 1 })];
    const mentees = [makeMentee({ id: 'x' })];
    // 'boss' supervises x's supervisor: same reporting chain, so never proposed for a Senior-to-Junior pair.
    const work = {
      mentees,
      mentors,
      settings: DEFAULT_SETTINGS,
      chains: new Map([
        ['x', 's1'],
        ['s1', 'boss'],
        ['boss', null],
      ]),
      topK: 25,
    };
    const r = runCohortWork(structuredClone(work));
    expect(r.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([['x', 'other']]);
    const direct = cohortFromProfiles(mentees, mentors, DEFAULT_SETTINGS, {
      supervisorOf: (id) => work.chains.get(id) ?? null,
      topK: 25,
    });
    expect(r).toEqual(direct);
    // Packed as UTF-8 JSON pieces (what the API sends, decision 0646): the same work, the same result.
    const packed = packCohortWorkAtOnce(work);
    expect(unpackCohortWork(structuredClone(packed))).toEqual(work);
    expect(runCohortWork(structuredClone(packed))).toEqual(direct);
  });

  it('R-MATCH-4: packed work round-trips exactly, in slices, for cohorts of any size and any text', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 450 }),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: undefined }),
        (n, goalsText, budgetMs) => {
          const mentees = Array.from({ length: n }, (_, i) => makeMentee({ id: `e${i}`, goalsText }));
          const mentors = Array.from({ length: n % 7 }, (_, i) =>
            makeMentor({ id: `m${i}`, careerText: goalsText }),
          );
          const work = {
            mentees,
            mentors,
            settings: DEFAULT_SETTINGS,
            chains: new Map<string, string | null>(
              mentees.map((m, i) => [m.employeeId, i % 2 ? null : 'boss']),
            ),
            topK: 25,
            ...(budgetMs === undefined ? {} : { budgetMs }),
          };
          expect(unpackCohortWork(packCohortWorkAtOnce(work))).toEqual(work);
        },
      ),
      { numRuns: 30 },
    );
  });
});
