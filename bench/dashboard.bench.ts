// Issue 5 benchmark: the coordinator dashboard (R-ADMIN-1) on the 90,000-employee workforce, PostgreSQL, over HTTP.
// Target: p95 ≤ 200 ms at 10 concurrent.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { seedWorkforce } from '../apps/api/src/seed/seed.js';
import { benchDatabase } from './lib/pg.js';
import { startApi, tokenFor } from './lib/api.js';
import { load } from './lib/load.js';
import { ms, writeSection } from './lib/report.js';

/**
 * The journey's data in bulk SQL: 40 % of mentees in a relationship (every state, confirmed over the last 400 days,
 * with milestones, termination requests and help requests), 30 % with open invitations, some declined.
 */
const JOURNEY = `
  with me as (select a.employee_id, a.platform, row_number() over (order by a.employee_id) as rn from mentee_applications a),
       mo as (select employee_id, row_number() over (order by employee_id) as rn, count(*) over () as n from mentor_applications)
  insert into relationships (mentee_id, mentor_id, platform, state, confirmed_at, orientation_at, agreement_completed_at, idp_completed_at,
    termination_requested_by, termination_requested_at, termination_from_state, termination_reason, ended_at)
  select me.employee_id, mo.employee_id, me.platform, s.state, c.at,
    case when s.state <> 'onboarding' then c.at + interval '10 days' end,
    case when s.state <> 'onboarding' or me.rn % 3 = 0 then c.at + interval '20 days' end,
    case when s.state <> 'onboarding' then c.at + interval '25 days' end,
    case when s.state = 'termination_requested' then 'mentee' end,
    case when s.state = 'termination_requested' then now() - interval '2 days' end,
    case when s.state = 'termination_requested' then 'active' end,
    case when s.state = 'termination_requested' then 'Schedules no longer fit' end,
    case when s.state in ('completed', 'terminated') then now() - interval '5 days' end
  from me join mo on mo.rn = (me.rn * 7) % mo.n + 1
  cross join lateral (select (array['onboarding','active','active','termination_requested','completed','terminated','active'])[me.rn % 7 + 1] as state) s
  cross join lateral (select now() - ((me.rn * 37) % 400) * interval '1 day' as at) c
  where me.rn % 10 < 4 and me.employee_id <> mo.employee_id`;
const INVITATIONS = `
  with me as (select a.employee_id, a.platform, row_number() over (order by a.employee_id) as rn from mentee_applications a),
       mo as (select employee_id, row_number() over (order by employee_id) as rn, count(*) over () as n from mentor_applications)
  insert into invitations (mentee_id, mentor_id, platform, state, sent_at, expires_at)
  select me.employee_id, mo.employee_id, me.platform, (array['pending','pending','accepted','declined'])[me.rn % 4 + 1],
    now() - (me.rn % 20) * interval '1 day', now() + interval '14 days' - (me.rn % 20) * interval '1 day'
  from me cross join generate_series(0, 1) as k(k) join mo on mo.rn = (me.rn * 11 + k.k) % mo.n + 1
  where me.rn % 10 between 4 and 6 and me.employee_id <> mo.employee_id`;
const HELP = `insert into coordinator_contact_requests (relationship_id, requested_by, source)
  select id, mentee_id, 'progress_report' from relationships where state in ('onboarding', 'active') and id::text like '0%'`;

const db = await benchDatabase();
try {
  const { app, base } = await startApi(db.url);
  const t = performance.now();
  const w = await seedWorkforce(app.db, 90_000);
  const client = new pg.Client({ connectionString: db.url });
  client.on('error', () => undefined); // the drop below ends it when a step failed; the step's own error is the one to see
  await client.connect();
  for (const q of [JOURNEY, INVITATIONS, HELP, 'analyze']) await client.query(q);
  const seedMs = performance.now() - t;
  const counts = (await client.query<Record<string, number>>(`select (select count(*) from relationships)::int as r, (select count(*) from invitations)::int as i,
    (select count(*) from mentee_applications)::int as mentees, (select count(*) from mentor_applications)::int as mentors`)).rows[0];
  const staff = async (opdiv: string | null) => {
    const e = w.employees.find((x) => x.opdiv === (opdiv ?? 'OS'))!;
    const token = await tokenFor(app, e.id, e.email);
    await client.query(`insert into role_grants (user_id, role, opdiv) select id, $2, $3 from users where employee_id = $1`,
      [e.id, opdiv ? 'coordinator' : 'program_manager', opdiv]);
    return { authorization: `Bearer ${token}` };
  };
  const cases = [
    { who: 'CDC coordinator (CDC)', headers: await staff('CDC'), url: `${base}/api/v1/coordination/dashboard` },
    { who: 'program manager (department)', headers: await staff(null), url: `${base}/api/v1/coordination/dashboard` },
  ];
  const results = [];
  for (const c of cases) {
    const request = () => ({ url: c.url, init: { headers: c.headers } });
    await load({ connections: 2, seconds: 2, request }); // warm-up
    results.push({ who: c.who, connections: 1, ...(await load({ connections: 1, seconds: 5, request })) });
    results.push({ who: c.who, connections: 10, ...(await load({ connections: 10, seconds: 10, request })) });
  }
  await client.end();
  await app.close();
  writeSection('dashboard', 'Coordinator dashboard, 90,000 employees, PostgreSQL (issue 5, R-ADMIN-1)', `
Seeded ${w.employees.length.toLocaleString()} employees, ${counts!.mentees!.toLocaleString()} mentee and ${counts!.mentors!.toLocaleString()} mentor
applications, ${counts!.r!.toLocaleString()} relationships (every state) and ${counts!.i!.toLocaleString()} invitations in ${(seedMs / 1000).toFixed(1)} s.
\`GET /api/v1/coordination/dashboard\` through HTTP on loopback with a signed-in coordinator or program manager: one
connection for 5 s (what one request costs), then 10 connections back to back for 10 s. One SQL statement per request
plus the session's user lookup. The machine is shared with other engineers' tests, builds and benchmarks and was busy
during the run (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores at the end): with 10 requests in flight on
what is left of 2 cores, latency is throughput-bound, so the 10-connection figures are an upper bound.

| who | concurrent | requests | req/s | p50 | p95 | p99 | errors | target p95 ≤ 200 ms |
|---|---|---|---|---|---|---|---|---|
${results.map((r) => `| ${r.who} | ${r.connections} | ${r.requests} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ${r.connections < 10 ? '' : r.p95 <= 200 ? 'meets' : 'misses'} |`).join('\n')}
`);
} finally {
  await db.drop();
}
