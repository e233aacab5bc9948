// Issue 16 benchmark: account enumeration by timing (R-SEC-8). Register, sign-in and password-reset requests for
// emails that have an account and emails that do not, and verify-email with links that were sent and links never
// sent, interleaved, production configuration on PostgreSQL.
import { randomBytes, randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { eq } from 'drizzle-orm';
import { benchDatabase } from './lib/pg.js';
import { productionApp } from './lib/secure-app.js';
import { ms, percentile, writeSection } from './lib/report.js';
import { makeEmployee, makeUser } from '../apps/api/test/helpers/factories.js';
import { issueToken } from '../apps/api/src/services/accounts/account-tokens.js';
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
  // verify-email carries a link's token, not an email: "known" is a link sent to a directory email and since
  // replaced by a newer one (what someone holding an old email would send), "unknown" a token never issued.
  const sentLinks: string[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const employee = await makeEmployee(app);
    sentLinks.push(await issueToken(app.db, employee.id, 'register', hash));
    await issueToken(app.db, employee.id, 'register', hash);
  }
  const emailOf = (kind: 'known' | 'unknown', i: number) =>
    kind === 'known' ? known[i]! : `nobody-${randomUUID().slice(0, 8)}@test.hhs.gov`;
  const endpoints: Array<{
    name: string;
    url: string;
    body: (kind: 'known' | 'unknown', i: number) => object;
    /** verify-email: the answer says whether a link was used or never valid; only its holder can send it. */
    sameAnswer?: false;
  }> = [
    {
      name: 'POST /auth/login (wrong password)',
      url: '/api/v1/auth/login',
      body: (kind, i) => ({ email: emailOf(kind, i), password: 'not the passphrase at all' }),
    },
    {
      name: 'POST /auth/password-reset/request',
      url: '/api/v1/auth/password-reset/request',
      body: (kind, i) => ({ email: emailOf(kind, i) }),
    },
    {
      name: 'POST /auth/register',
      url: '/api/v1/auth/register',
      body: (kind, i) => ({ email: emailOf(kind, i), password: 'seven quiet lanterns by the harbor' }),
    },
    {
      name: 'POST /auth/verify-email (a link sent and replaced / never sent)',
      url: '/api/v1/auth/verify-email',
      body: (kind, i) => ({
        token: kind === 'known' ? sentLinks[i]! : randomBytes(32).toString('base64url'),
      }),
      sameAnswer: false,
    },
  ];
  const rows: string[] = [];
  const loads: number[] = [loadavg()[0]!];
  let address = 0;
  for (const endpoint of endpoints) {
    const times = { known: [] as number[], unknown: [] as number[] };
    const bodies = new Set<string>();
    const statuses = new Set<number>();
    for (let i = 0; i < ROUNDS; i++)
      for (const kind of (i % 2 ? ['known', 'unknown'] : ['unknown', 'known']) as Array<
        'known' | 'unknown'
      >) {
        address += 1; // one address per request: the per-address limits are not what is measured here
        const started = performance.now();
        const res = await app.inject({
          method: 'POST',
          url: endpoint.url,
          payload: endpoint.body(kind, i),
          remoteAddress: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
        });
        times[kind].push(performance.now() - started);
        const { instance: _i, requestId: _r, ...body } = res.json();
        bodies.add(`${res.statusCode} ${JSON.stringify(body)}`);
        statuses.add(res.statusCode);
      }
    await app.settled();
    loads.push(loadavg()[0]!);
    const [k50, u50] = [percentile(times.known, 50), percentile(times.unknown, 50)];
    const [k95, u95] = [percentile(times.known, 95), percentile(times.unknown, 95)];
    const gap = Math.abs(k50 - u50);
    const answers = endpoint.sameAnswer === false ? statuses.size : bodies.size;
    const meets = answers === 1 && gap <= Math.max(2, 0.05 * Math.max(k50, u50));
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
verify-email carries no email, only the emailed link's token: it is called with links that were sent to a directory
email and then replaced by a newer one, and with tokens never issued; its answer says which by design ("already used"
or "not valid", only the link's holder can send it), so its target is the same status and timing.
Before this issue: password-reset request 24 ms with an account, 12 ms without.
Machine load (1-minute load average, sampled per endpoint): ${loads.map((l) => l.toFixed(1)).join(', ')} on ${availableParallelism()} cores.
A gap of a few milliseconds at a high load is within run-to-run noise: compare the rows over several runs.

| endpoint | requests (known + unknown) | median known / unknown | p95 known / unknown | median gap | distinct answers | target |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`,
  );
} finally {
  await app.close();
  await db.drop();
}
