// Times ranking ~6,000 mentors for one mentee (target: median ≤ 20 ms). Run after `pnpm build`.
import { buildMentorIndex, DEFAULT_SETTINGS, scoreCandidatesIndexed } from '../dist/index.js';
import { makePool } from './synthetic.mjs';

const { mentors, mentees, supervisorOf } = makePool(Number(process.argv[2] ?? 6000), 200);
let t = performance.now();
const index = buildMentorIndex(mentors);
console.log(`index ${mentors.length} mentors: ${(performance.now() - t).toFixed(0)} ms`);
const times = [];
let count = 0;
for (const mentee of mentees) {
  t = performance.now();
  count += scoreCandidatesIndexed(mentee, index, DEFAULT_SETTINGS, { supervisorOf }).length;
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const q = (p) => times[Math.floor(p * (times.length - 1))].toFixed(2);
console.log(
  `rank: median ${q(0.5)} ms, p90 ${q(0.9)} ms, max ${q(1)} ms; avg ${(count / mentees.length).toFixed(0)} eligible`,
);
const limited = [];
for (const mentee of mentees) {
  t = performance.now();
  scoreCandidatesIndexed(mentee, index, DEFAULT_SETTINGS, { supervisorOf, limit: 50 });
  limited.push(performance.now() - t);
}
limited.sort((a, b) => a - b);
console.log(
  `rank, top 50 explained: median ${limited[100].toFixed(2)} ms, p90 ${limited[180].toFixed(2)} ms`,
);
