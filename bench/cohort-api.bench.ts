// Issue 5 (R-MATCH-4): a department-wide cohort proposal through the API on the 90,000-employee workforce,
// PostgreSQL. Measures the request's time and how long the API process's event loop was blocked meanwhile (what
// every other request on that replica waits for).
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';
import { seedWorkforce } from '../apps/api/src/seed/seed.js';
import { benchDatabase } from './lib/pg.js';
import { startApi, tokenFor } from './lib/api.js';
import { ms, writeSection } from './lib/report.js';
import { APPROVAL_CHUNK } from '../apps/api/src/services/coordination/cohort-approve.js';

const loadBefore = os.loadavg()[0]!;
const db = await benchDatabase();
try {
  const { app, base } = await startApi(db.url);
  const w = await seedWorkforce(app.db, 90_000);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query('vacuum analyze');
  const staff = async (opdiv: string | null) => {
    const e = w.employees.find((x) => x.opdiv === (opdiv ?? 'OS'))!;
    const token = await tokenFor(app, e.id, e.email);
    await client.query(
      `insert into role_grants (user_id, role, opdiv) select id, $2, $3 from users where employee_id = $1`,
      [e.id, opdiv ? 'coordinator' : 'program_manager', opdiv],
    );
    return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  };
  const rows = [];
  let approveElapsed = 0;
  let approved = { invited: 0, refused: 0, maxBlock: 0 };
  for (const [who, opdiv] of [
    ['CDC coordinator (CDC)', 'CDC'],
    ['program manager (department)', null],
  ] as const) {
    const headers = await staff(opdiv);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    // Peak resident memory of this process (the API, its worker thread and the bench), sampled every 20 ms.
    let peakRss = process.memoryUsage.rss();
    const rssBefore = peakRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 20);
    const t = performance.now();
    const res = await fetch(`${base}/api/v1/coordination/cohort-proposals`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    const body = (await res.json()) as {
      pairs?: unknown[];
      menteeCount?: number;
      mentorCount?: number;
      detail?: string;
    };
    const elapsed = performance.now() - t;
    loop.disable();
    clearInterval(sampler);
    if (res.status >= 300) throw new Error(`${res.status} ${body.detail}`);
    rows.push({
      who,
      elapsed,
      maxBlock: loop.max / 1e6,
      mentees: body.menteeCount,
      mentors: body.mentorCount,
      pairs: body.pairs?.length,
      rss: `${(rssBefore / 2 ** 20).toFixed(0)} → ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
    });
    if (opdiv === null) {
      // Approving the whole department's proposal as invitations: a transaction per chunk, every pair's rules re-checked.
      const approveLoop = monitorEventLoopDelay({ resolution: 10 });
      approveLoop.enable();
      const t2 = performance.now();
      const ok = await fetch(
        `${base}/api/v1/coordination/cohort-proposals/${(body as { id: string }).id}/approve`,
        { method: 'POST', headers, body: '{}' },
      );
      const out = (await ok.json()) as { results?: Array<{ status: string }>; detail?: string };
      approveElapsed = performance.now() - t2;
      approveLoop.disable();
      if (ok.status >= 300) throw new Error(`${ok.status} ${out.detail}`);
      approved = {
        invited: out.results!.filter((r) => r.status === 'invited').length,
        refused: out.results!.filter((r) => r.status === 'refused').length,
        maxBlock: approveLoop.max / 1e6,
      };
    }
  }
  await client.end();
  await app.close();
  writeSection(
    'cohort-api',
    'Cohort proposal through the API, 90,000 employees, PostgreSQL (issue 5, R-MATCH-4)',
    `
\`POST /api/v1/coordination/cohort-proposals\` with the default top K = 25, over HTTP on loopback, on the generated
workforce's applications (no relationships yet). "Longest event-loop stall" is the longest time the API process
could not answer any other request while this one ran (the solve runs on a worker thread, decision 0506; what is left
is the reads, storing the pairs and writing the JSON answer). Memory is this process's: the API with its worker thread, plus the benchmark's
generated workforce held in memory, so the growth from "before" to "peak" is what the request added (the worker is let
go after a minute idle). The machine is shared with other engineers: load average ${loadBefore.toFixed(1)} at the start and
${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores at the end.

| who | mentees | mentors with room | pairs proposed | request time | longest event-loop stall | process memory (RSS) before → peak |
|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.who} | ${r.mentees} | ${r.mentors} | ${r.pairs} | ${ms(r.elapsed)} | ${ms(r.maxBlock)} | ${r.rss} |`).join('\n')}

Approving the department-wide proposal as invitations (\`POST …/approve\`, every pair's rules checked again, one
transaction per ${APPROVAL_CHUNK} pairs, decision 0507): ${approved.invited.toLocaleString()} invited, ${approved.refused.toLocaleString()} refused, in ${ms(approveElapsed)}
(${Math.ceil((approved.invited + approved.refused) / APPROVAL_CHUNK)} transactions, ${ms(approveElapsed / Math.max(1, Math.ceil((approved.invited + approved.refused) / APPROVAL_CHUNK)))} each on average: how long one
chunk's row locks are held); longest event-loop stall ${ms(approved.maxBlock)}.
`,
  );
} finally {
  await db.drop();
}
