// Issue 3 benchmark: directory search by name prefix over ~90,000 employees through the API on PostgreSQL.
// Target: p95 ≤ 50 ms.
import { performance } from 'node:perf_hooks';
import { seedWorkforce } from '../apps/api/src/seed/seed.js';
import { benchDatabase } from './lib/pg.js';
import { startApi, tokenFor } from './lib/api.js';
import { load } from './lib/load.js';
import { ms, writeSection } from './lib/report.js';

const db = await benchDatabase();
try {
  const { app, base } = await startApi(db.url);
  const t = performance.now();
  const w = await seedWorkforce(app.db, 90_000);
  const seedMs = performance.now() - t;
  const viewer = w.employees[0]!;
  const token = await tokenFor(app, viewer.id, viewer.email);
  // Prefixes drawn from real names: 2-4 letters of a last or first name, sometimes two words.
  const prefixes = w.employees
    .filter((_, i) => i % 97 === 0)
    .map((e, i) =>
      i % 3 === 0
        ? `${e.firstName.slice(0, 3)} ${e.lastName.slice(0, 2)}`
        : (i % 2 ? e.lastName : e.firstName).slice(0, 2 + (i % 3)),
    );
  const headers = { authorization: `Bearer ${token}` };
  const request = (i: number) => ({
    url: `${base}/api/v1/directory?q=${encodeURIComponent(prefixes[i % prefixes.length]!)}&limit=20`,
    init: { headers },
  });
  await load({ connections: 4, seconds: 3, request }); // warm-up
  const results = [];
  for (const connections of [1, 10])
    results.push({ connections, ...(await load({ connections, seconds: 10, request })) });
  await app.close();
  writeSection(
    'directory-search',
    'Directory search by name prefix, 90,000 employees, PostgreSQL (issue 3)',
    `
Seeded ${w.employees.length.toLocaleString()} employees in ${(seedMs / 1000).toFixed(1)} s. ${prefixes.length} different
prefixes (one or two words), 20 results a page, through HTTP on loopback with a signed-in user (load from autocannon in a separate process).

| concurrent | requests | req/s | p50 | p95 | p99 | errors | target p95 ≤ 50 ms |
|---|---|---|---|---|---|---|---|
${results.map((r) => `| ${r.connections} | ${r.requests} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ${r.p95 <= 50 ? 'meets' : 'misses'} |`).join('\n')}
`,
  );
} finally {
  await db.drop();
}
