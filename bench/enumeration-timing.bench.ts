// Issue 16 benchmark: account enumeration by timing (R-SEC-8). Register, sign-in and password-reset requests for
// emails that have an account and emails that do not, interleaved, production configuration on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { benchDatabase } from './lib/pg.js';
import { productionApp } from './lib/secure-app.js';
import { ms, percentile, writeSection } from './lib/report.js';
import { makeUser } from '../apps/api/test/helpers/factories.js';
import { users } from '../apps/api/src/db/schema/index.js';
import { hashPassword } from '../apps/api/src/services/accounts/accounts.js';

const ROUNDS = Number(process.env.ENUM_ROUNDS ?? 150);
const PASSWORD = 'a long and entirely correct passphrase';

const db = await benchDatabase();
const app = await productionApp(db.url);
try {
  const hash = await hashPassword(PASSWORD);
  const known: string[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const made = await makeUser(app);
    await app.db.update(users).set({ passwordHash: hash }).where(eq(users.id, made.user.id));
    known.push(made.employee.email);
  }
  const endpoints: Array<{ name: string; url: string; body: (email: string) => object }> = [
    {
      name: 'POST /auth/login (wrong password)',
      url: '/api/v1/auth/login',
      body: (email) => ({ email, password: 'not the passphrase at all' }),
    },
    {
      name: 'POST /auth/password-reset/request',
      url: '/api/v1/auth/password-reset/request',
      body: (email) => ({ email }),
    },
    {
      name: 'POST /auth/register',
      url: '/api/v1/auth/register',
      body: (email) => ({ email, password: 'seven quiet lanterns by the harbor' }),
    },
  ];
  const rows: string[] = [];
  let address = 0;
  for (const endpoint of endpoints) {
    const times = { known: [] as number[], unknown: [] as number[] };
    const bodies = new Set<string>();
    for (let i = 0; i < ROUNDS; i++)
      for (const kind of (i % 2 ? ['known', 'unknown'] : ['unknown', 'known']) as Array<
        'known' | 'unknown'
      >) {
        const email = kind === 'known' ? known[i]! : `nobody-${randomUUID().slice(0, 8)}@test.hhs.gov`;
        address += 1; // one address per request: the per-address limits are not what is measured here
        const started = performance.now();
        const res = await app.inject({
          method: 'POST',
          url: endpoint.url,
          payload: endpoint.body(email),
          remoteAddress: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
        });
        times[kind].push(performance.now() - started);
        const { instance: _i, requestId: _r, ...body } = res.json();
        bodies.add(`${res.statusCode} ${JSON.stringify(body)}`);
      }
    await app.settled();
    const [k50, u50] = [percentile(times.known, 50), percentile(times.unknown, 50)];
    const [k95, u95] = [percentile(times.known, 95), percentile(times.unknown, 95)];
    const gap = Math.abs(k50 - u50);
    const meets = bodies.size === 1 && gap <= Math.max(2, 0.05 * Math.max(k50, u50));
    rows.push(
      `| ${endpoint.name} | ${ROUNDS} + ${ROUNDS} | ${ms(k50)} / ${ms(u50)} | ${ms(k95)} / ${ms(u95)} | ${ms(gap)} | ${bodies.size} | ${meets ? 'meets' : 'misses'} |`,
    );
  }
  writeSection(
    'enumeration-timing',
    'Account enumeration by timing (issue 16, R-SEC-8)',
    `
\`bench/enumeration-timing.bench.ts\`: each endpoint called ${ROUNDS} times with an email that has an account and
${ROUNDS} times with one that does not, interleaved, production configuration on PostgreSQL, in process (\`inject\`), each
request from its own address. Target: the same status and body, and medians within 2 ms or 5 %, whichever is larger.
Before this issue: password-reset request 24 ms with an account, 12 ms without.

| endpoint | requests (known + unknown) | median known / unknown | p95 known / unknown | median gap | distinct answers | target |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`,
  );
} finally {
  await app.close();
  await db.drop();
}
