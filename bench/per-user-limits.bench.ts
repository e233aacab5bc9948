// Issue 16 benchmark: what the per-person limits (R-SEC-10) cost a normal request — GET /api/v1/mentors with the
// limit on and off, on PostgreSQL (one counter upsert in the shared store per request).
import { benchDatabase } from './lib/pg.js';
import { productionApp } from './lib/secure-app.js';
import { ms, percentile, writeSection } from './lib/report.js';
import { makeMentorApplication, makeUser } from '../apps/api/test/helpers/factories.js';

const ROUNDS = Number(process.env.LIMIT_ROUNDS ?? 400);

const db = await benchDatabase();
const apps = { on: await productionApp(db.url, 'on'), off: await productionApp(db.url, 'off') };
try {
  for (let i = 0; i < 200; i++) await makeMentorApplication(apps.on, (await makeUser(apps.on)).employee.id);
  const people = await Promise.all(Array.from({ length: 20 }, () => makeUser(apps.on)));
  const times = { on: [] as number[], off: [] as number[] };
  for (let i = 0; i < ROUNDS; i++)
    for (const mode of (i % 2 ? ['on', 'off'] : ['off', 'on']) as Array<'on' | 'off'>) {
      const started = performance.now();
      const res = await apps[mode].inject({
        url: '/api/v1/mentors?limit=20',
        headers: people[i % people.length]!.auth,
      });
      times[mode].push(performance.now() - started);
      if (res.statusCode !== 200) throw new Error(`${mode}: ${res.statusCode} ${res.body}`);
    }
  const row = (mode: 'on' | 'off') =>
    `| ${mode} | ${ROUNDS} | ${ms(percentile(times[mode], 50))} | ${ms(percentile(times[mode], 95))} | ${ms(percentile(times[mode], 99))} |`;
  writeSection(
    'per-user-limits',
    'Cost of the per-person limits on a normal read (issue 16, R-SEC-10)',
    `
\`bench/per-user-limits.bench.ts\`: \`GET /api/v1/mentors?limit=20\` (200 mentors) by 20 people, each well under the
limit of 60 a minute, ${ROUNDS} times with \`PER_USER_LIMITS\` on and ${ROUNDS} off, interleaved, on PostgreSQL, in process.

| limits | requests | p50 | p95 | p99 |
|---|---|---|---|---|
${row('on')}
${row('off')}
`,
  );
} finally {
  await apps.on.close();
  await apps.off.close();
  await db.drop();
}
