// Issue 21: the exact optimum of each cohort instance over ALL eligible pairs, computed once and stored in
// bench/cohort-optima.json (the cohort benchmark compares against it). Independent of the domain's solver: every
// eligible pair's score comes from the scorer's full ranking (R-MATCH-1), and a dense assignment solve
// (scipy.optimize.linear_sum_assignment on mentees × mentor places) finds the optimum. Needs python3 with scipy.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildMentorIndex,
  DEFAULT_SETTINGS,
  remainingCapacity,
  scoreCandidatesIndexed,
} from '@hhs-mentoring/domain';
import { cohortInstances } from './lib/cohort-instances.js';

const file = new URL('./cohort-optima.json', import.meta.url);
const only = process.argv[2];
const { instances, supervisorOf } = cohortInstances();
const optima = JSON.parse(readFileSync(file, 'utf8').toString() || '{}') as Record<string, unknown>;
const dir = mkdtempSync(path.join(os.tmpdir(), 'cohort-exact-'));
try {
  for (const inst of instances.filter((i) => !only || i.name === only)) {
    const index = buildMentorIndex(inst.mentors);
    const position = new Map(inst.mentors.map((m, j) => [m.employeeId, j]));
    const rows: number[] = [];
    inst.mentees.forEach((mentee, i) => {
      for (const s of scoreCandidatesIndexed(mentee, index, DEFAULT_SETTINGS, { supervisorOf }))
        if (s.total > 0) rows.push(i, position.get(s.mentorId)!, Math.round(s.total * 100));
    });
    const edges = path.join(dir, `${inst.name}.bin`);
    writeFileSync(edges, Buffer.from(Int32Array.from(rows).buffer));
    const caps = path.join(dir, `${inst.name}.caps`);
    writeFileSync(
      caps,
      Buffer.from(
        Int32Array.from(inst.mentors, (m) => Math.max(0, remainingCapacity(m, DEFAULT_SETTINGS))).buffer,
      ),
    );
    const t = Date.now();
    const out = execFileSync(
      'python3',
      [new URL('./lib/exact-cohort.py', import.meta.url).pathname, edges, caps, String(inst.mentees.length)],
      { encoding: 'utf8' },
    );
    const { total, matched } = JSON.parse(out) as { total: number; matched: number };
    optima[inst.name] = {
      mentees: inst.mentees.length,
      mentors: inst.mentors.length,
      eligibleEdges: rows.length / 3,
      optimum: total / 100,
      matched,
      method: 'scipy.optimize.linear_sum_assignment, dense, mentees × mentor places',
      seconds: (Date.now() - t) / 1000,
    };
    console.log(inst.name, optima[inst.name]);
    writeFileSync(file, `${JSON.stringify(optima, null, 2)}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
