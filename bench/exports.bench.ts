// Issue 18 benchmark: record exports (R-EXP-1..3) streamed from PostgreSQL on the 90,000-employee workforce, over
// HTTP. For each export kind at two sizes: time, rows, bytes, and how much the serving API process's memory grew
// while it streamed (peak RSS and heap minus before, sampled in that process: lib/export-server.ts). Constant memory
// shows as the same growth at the small and the large size.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { seedWorkforce } from '../apps/api/src/seed/seed.js';
import { benchDatabase } from './lib/pg.js';
import { startApi } from './lib/api.js';
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

const loadAtStart = (await import('node:os')).loadavg()[0]!.toFixed(1);
const db = await benchDatabase();
try {
  const { app } = await startApi(db.url);
  const t0 = performance.now();
  await seedWorkforce(app.db, 90_000);
  const sqlClient = new pg.Client({ connectionString: db.url });
  sqlClient.on('error', () => undefined);
  await sqlClient.connect();
  for (const q of [JOURNEY, EVENTS, attendance(0, 10_000), SURVEYS, 'vacuum analyze'])
    await sqlClient.query(q);
  const seedSeconds = (performance.now() - t0) / 1000;
  const [small] = (
    await sqlClient.query<{ opdiv: string }>(
      `select e.opdiv from mentee_applications a join employees e on e.id = a.employee_id
       group by e.opdiv order by count(*) desc offset 3 limit 1`,
    )
  ).rows;
  await app.close();

  // The API that serves the exports runs alone in its own process, so its memory is what is measured.
  const server: ChildProcess = fork(new URL('./lib/export-server.ts', import.meta.url), {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, BENCH_DATABASE_URL: db.url },
  });
  const reply = async <T>(message?: string): Promise<T> => {
    if (message) server.send(message);
    return (await once(server, 'message'))[0] as T;
  };
  const { base: api, token: access_token } = await reply<{ base: string; token: string }>();

  type Result = {
    label: string;
    rows: number;
    bytes: number;
    seconds: number;
    rssMb: number;
    heapMb: number;
    liveMb: number;
    retainedMb: number;
  };
  /** Streams one export, counting lines and bytes as they come (nothing kept); the server samples its memory. */
  async function measure(label: string, path: string): Promise<Result> {
    await reply('start');
    const t = performance.now();
    const res = await fetch(`${api}${path}`, { headers: { authorization: `Bearer ${access_token}` } });
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${await res.text()}`);
    let bytes = 0;
    let rows = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) rows += 1;
    }
    const seconds = (performance.now() - t) / 1000;
    const memory = await reply<{ rssMb: number; heapMb: number; liveMb: number; retainedMb: number }>('stop');
    const r = { label, rows: path.includes('csv') ? rows - 1 : rows, bytes, seconds, ...memory };
    console.log(r);
    return r;
  }

  // Every export kind at a small and a large size: attendance at 10,000 rows, then again once 80,000 more are added;
  // the other kinds on one OPDIV's share of the workforce, then on all of it.
  await measure('warm-up', '/api/v1/exports/participants');
  const results: Result[] = [];
  const attendancePath = '/api/v1/exports/training-attendance';
  results.push(await measure('training attendance, 10,000 learners (NDJSON)', attendancePath));
  await sqlClient.query(attendance(10_000, 90_000));
  await sqlClient.query('vacuum analyze training_attendance');
  results.push(await measure('training attendance, 90,000 learners (NDJSON)', attendancePath));
  results.push(await measure('training attendance, 90,000 learners (CSV)', `${attendancePath}?format=csv`));
  for (const [kind, path] of [
    ['participants', 'participants'],
    ['relationships with milestones and outcomes', 'relationships'],
    ['survey answers, suppressed per closed quarter', 'survey-answers'],
  ] as const) {
    results.push(
      await measure(
        `${kind}, one OPDIV (${small!.opdiv}) (NDJSON)`,
        `/api/v1/exports/${path}?opdiv=${small!.opdiv}`,
      ),
    );
    results.push(await measure(`${kind}, all HHS (NDJSON)`, `/api/v1/exports/${path}`));
  }
  server.send('close');
  await once(server, 'exit');
  await sqlClient.end();
  const mb = (n: number) => `${n.toFixed(1)} MB`;
  // Each kind's rows come as a pair, small then large (attendance's CSV run follows its NDJSON pair).
  const byKind = new Map<string, Result[]>();
  for (const r of results.filter((x) => x.label.includes('(NDJSON)')))
    byKind.set(r.label.split(',')[0]!, [...(byKind.get(r.label.split(',')[0]!) ?? []), r]);
  const pairs = [...byKind.entries()]
    .map(
      ([kind, [a, b]]) =>
        `${kind} ${a!.rows.toLocaleString('en-US')} → ${b!.rows.toLocaleString('en-US')} rows: ${mb(a!.liveMb)} → ${mb(b!.liveMb)}`,
    )
    .join('; ');
  writeSection(
    'exports',
    'Record exports streamed from PostgreSQL, 90,000-employee workforce (issue 18)',
    `
The real API on PostgreSQL, over HTTP on loopback, with a reporting system's client-credentials token. The API runs
alone in its own process (\`bench/lib/export-server.ts\`, started after seeding); the client, in the benchmark's
process, reads each export as it arrives and keeps nothing. Memory is the serving process's growth while the export
streamed, from a full collection just before it: peak RSS and peak \`heapUsed\` sampled every 5 ms (garbage not yet
collected included), the "live" heap peak (\`heapUsed\` right after a forced full collection every 250 ms during the
export: what the export really holds), and the heap still held after it ("kept"). Each kind is measured at a small and a large size. Seeding
(workforce, journeys, attendance, surveys) took ${seedSeconds.toFixed(0)} s, in the benchmark's process.

| export | rows | size | time | rows/s | RSS growth | heap peak growth | live heap peak growth | heap kept |
|---|---|---|---|---|---|---|---|---|
${results.map((r) => `| ${r.label} | ${r.rows.toLocaleString('en-US')} | ${mb(r.bytes / MB)} | ${r.seconds.toFixed(2)} s | ${Math.round(r.rows / r.seconds).toLocaleString('en-US')} | ${mb(r.rssMb)} | ${mb(r.heapMb)} | ${mb(r.liveMb)} | ${mb(r.retainedMb)} |`).join('\n')}

Constant memory, small → large size of each kind (live heap peak growth): ${pairs}. The cursor fetches 1,000 rows at a
time and only when the client has taken the last ones (decision 0905), so what an export holds does not grow with its
length; RSS and the sampled heap peak also count garbage V8 has not collected yet, which rises with the length of an
export between collections. Load average at the start: ${loadAtStart}; the machine is a shared 2-core one, so take
the times as upper bounds.
`,
  );
} finally {
  await db.drop();
}
