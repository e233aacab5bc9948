// Issue 4 §5 benchmark: GET /api/v1/me/suggestions (R-MATCH-1) for many different mentees on the 90,000-employee
// workforce, PostgreSQL, over HTTP. Targets: p95 ≤ 150 ms at 20 concurrent; issue 21: req/s ≥ 6 % of GET /healthz of the
// same process in the same run (the anchor). BENCH_CPU_PROFILE=dir also profiles the API during the measured load.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { seedWorkforce } from '../apps/api/src/seed/seed.js';
import { benchDatabase } from './lib/pg.js';
import { startApi } from './lib/api.js';
import { bulkTokens } from './lib/tokens.js';
import { load } from './lib/load.js';
import { machineCpu, ms, stealShare, writeSection } from './lib/report.js';
import { profileDuring } from './lib/cpu-profile.js';
import { statementStats } from './lib/statements.js';

const MENTEES = 500;
const CONNECTIONS = 20;
const db = await benchDatabase();
try {
  const { app, base } = await startApi(db.url);
  const t = performance.now();
  const w = await seedWorkforce(app.db, 90_000);
  const seedMs = performance.now() - t;
  const step = Math.floor(w.mentees.length / MENTEES);
  const mentees = w.mentees.filter((_, i) => i % step === 0).slice(0, MENTEES);
  const byId = new Map(w.employees.map((e) => [e.id, e]));
  const tokens = await bulkTokens(
    app,
    mentees.map((m) => byId.get(m.employeeId)!),
  );
  const headers = tokens.map((token) => ({ authorization: `Bearer ${token}` }));
  const suggestions = (i: number) => ({
    url: `${base}/api/v1/me/suggestions?limit=20`,
    init: { headers: headers[i % headers.length]! },
  });
  const healthz = () => ({ url: `${base}/healthz` });
  // The first request builds the per-process mentor index (once per mentor-data change); time it on its own.
  let c = performance.now();
  const first = await fetch(suggestions(0).url, suggestions(0).init);
  if (first.status !== 200) throw new Error(`suggestions answered ${first.status}: ${await first.text()}`);
  const coldMs = performance.now() - c;
  await load({ connections: 4, seconds: 3, request: suggestions }); // warm-up (JIT, pool)
  await load({ connections: 4, seconds: 2, request: healthz });
  const stats = await statementStats(db.url);
  await stats.reset();
  const loadBefore = os.loadavg()[0]!;
  const machine0 = machineCpu();
  const cpu0 = process.cpuUsage();
  c = performance.now();
  const h = await load({ connections: CONNECTIONS, seconds: 10, request: healthz });
  const { result: s, top } = await profileDuring('suggestions', () =>
    load({ connections: CONNECTIONS, seconds: 15, request: suggestions }),
  );
  const cpu = process.cpuUsage(cpu0);
  const stolen = stealShare(machine0);
  const statements = await stats.top();
  const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - c);
  const loadAvg = os.loadavg()[0]!;
  await app.close();
  const row = (what: string, r: typeof s, target: string) =>
    `| ${what} | ${CONNECTIONS} | ${r.requests} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ${target} |`;
  writeSection(
    'suggestions',
    'Mentor suggestions, 90,000 employees, PostgreSQL (issue 4, R-MATCH-1)',
    `
Seeded ${w.employees.length.toLocaleString()} employees, ${w.mentors.length.toLocaleString()} mentor and ${w.mentees.length.toLocaleString()} mentee
applications in ${(seedMs / 1000).toFixed(1)} s. \`GET /api/v1/me/suggestions?limit=20\` signed in as ${mentees.length} different
mentees in turn, ${CONNECTIONS} connections back to back over HTTP on loopback; then \`GET /healthz\` the same way in the same
process. The first request after start built the mentor index in ${ms(coldMs)} (rebuilt only when mentor data changes,
decisions 0201 and 0251). The load generator is autocannon in a separate Node process (bench/lib/load-child.mjs); the API, the load
generator and PostgreSQL share the same 2 cores. The API process used ${(cpuShare * 100).toFixed(0)} % of a core during the measured
runs (below 100 %, it was waiting for PostgreSQL or for a CPU). Load average ${loadBefore.toFixed(1)} before and ${loadAvg.toFixed(1)} after on
${os.cpus().length} cores (the machine is shared with other engineers); the hypervisor stole ${(stolen * 100).toFixed(1)} % of its CPU time during the two runs.

| request | concurrent | requests | req/s | p50 | p95 | p99 | errors | target p95 ≤ 150 ms |
|---|---|---|---|---|---|---|---|---|
${row('`GET /healthz` (framework ceiling)', h, '—')}
${row('`GET /api/v1/me/suggestions`', s, s.p95 <= 150 ? 'meets' : 'misses')}

Anchor and ratio (issue 21): suggestions run at **${((s.rps / h.rps) * 100).toFixed(1)} %** of the \`/healthz\` rate of the same
process in the same run (target ≥ 6 %: ${s.rps / h.rps >= 0.06 ? 'meets' : 'misses'}).

${top}
${statements}
Where the time goes and what would close the gap: docs/decisions/0253-journey-benchmark-findings.md.
`,
  );
} finally {
  await db.drop();
}
