// Times the cohort solve (target: 3,000 mentees × 1,500 mentors ≤ 10 s). Run after `pnpm build`.
import {
  buildMentorIndex,
  DEFAULT_SETTINGS,
  scoreCandidatesIndexed,
  solveCohort,
  remainingCapacity,
} from '../dist/index.js';
import { makePool } from './synthetic.mjs';

const topK = Number(process.argv[2] ?? 25);
const { mentors, mentees, supervisorOf } = makePool(1500, 3000, 7);
let t = performance.now();
const index = buildMentorIndex(mentors);
const edges = mentees.flatMap((m) =>
  scoreCandidatesIndexed(m, index, DEFAULT_SETTINGS, { supervisorOf, limit: topK }).map((s) => ({
    menteeId: m.employeeId,
    mentorId: s.mentorId,
    score: s.total,
  })),
);
const scoring = performance.now() - t;
const caps = mentors.map((m) => ({
  id: m.employeeId,
  remainingCapacity: remainingCapacity(m, DEFAULT_SETTINGS),
}));
t = performance.now();
const r = solveCohort(
  mentees.map((m) => m.employeeId),
  caps,
  edges,
  { topK },
);
const solve = performance.now() - t;
console.log(
  `topK ${topK}: scoring ${scoring.toFixed(0)} ms, solve+greedy ${solve.toFixed(0)} ms; ${edges.length} edges; matched ${r.pairs.length}/${mentees.length}; total ${r.total} vs greedy ${r.greedyTotal}`,
);
