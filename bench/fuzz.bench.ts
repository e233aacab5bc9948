// Issue 16 benchmark: property-based fuzzing of every OpenAPI operation (R-SEC-4) — at least 10,000 generated
// requests against the production configuration on PostgreSQL: no 5xx, every error problem+json (RFC 6749 JSON on
// /oauth/token), and no data written by a refused request.
import fc from 'fast-check';
import { benchDatabase } from './lib/pg.js';
import { productionApp } from './lib/secure-app.js';
import { writeSection } from './lib/report.js';
import { makeUser } from '../apps/api/test/helpers/factories.js';
import { makeSystemClient } from '../apps/api/test/integrations/helpers.js';
import { SYSTEM_SCOPES } from '../apps/api/src/db/schema/integrations.js';
import {
  check,
  dataFingerprint,
  operationsOf,
  requestFor,
  type FuzzFailure,
} from '../apps/api/test/security/fuzz-requests.js';

const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_500);
const SEED = Number(process.env.FUZZ_SEED ?? 16);

const db = await benchDatabase();
const app = await productionApp(db.url);
try {
  const personas = [
    {},
    (await makeUser(app)).auth,
    (await makeUser(app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] })).auth,
    (await makeUser(app, { grants: [{ role: 'program_manager' }] })).auth,
    await (await makeSystemClient(app, [...SYSTEM_SCOPES], 'fuzz client')).token(),
  ];
  const operations = operationsOf(app);
  const perOperation = Math.ceil(TOTAL / operations.length);
  const failures: FuzzFailure[] = [];
  const statuses: Record<number, number> = {};
  let sent = 0;
  let checkedWrites = 0;
  const started = performance.now();
  for (const [i, op] of operations.entries()) {
    for (const request of fc.sample(requestFor(op, personas.length), {
      seed: SEED + i,
      numRuns: perOperation,
    })) {
      const before = request.inject.method === 'GET' ? undefined : await dataFingerprint(app);
      if (before !== undefined) checkedWrites += 1;
      // Spread the callers over addresses so the per-address sign-in limits do not answer everything with 429.
      request.inject.remoteAddress = `10.16.${sent % 250}.${(sent >> 8) % 250}`;
      const failure = await check(app, request, personas[request.persona]!, before, statuses);
      sent += 1;
      if (failure) failures.push(failure);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const byClass = Object.entries(statuses)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([s, n]) => `${s}: ${n.toLocaleString()}`)
    .join(' · ');
  writeSection(
    'fuzz',
    'Fuzzing every operation, production configuration, PostgreSQL (issue 16, R-SEC-4)',
    `
\`bench/fuzz.bench.ts\`: fast-check requests generated from the OpenAPI document (${operations.length} operations,
${perOperation} per operation, seeds ${SEED}…${SEED + operations.length - 1}), shaped like each schema with hostile values
mixed in (NUL, lone surrogates, 1e308, 20-digit numbers, 20,000-character strings, wrong types, malformed bodies,
other content types), as anonymous, a participant, a coordinator, the program manager and a system client with every scope.
For every refused write a fingerprint of all tables is compared before and after, once the work the request handed
to after-response has finished: the outbox and \`job_runs\` included (jobs are off, so no tick writes them), except
what a refusal is meant to write (its audit entry, throttling counters, a revoked session id, and the email telling
an account holder about repeated failed sign-ins).

| requests | 5xx | errors not problem+json | refused requests that wrote data | writes checked | time |
|---|---|---|---|---|---|
| ${sent.toLocaleString()} | ${failures.filter((f) => f.why === '5xx').length} | ${failures.filter((f) => f.why.startsWith('error as')).length} | ${failures.filter((f) => f.why.includes('wrote')).length} | ${checkedWrites.toLocaleString()} | ${seconds.toFixed(0)} s |

Statuses: ${byClass}.
${
  failures.length
    ? `\nFailures:\n\n${failures
        .slice(0, 20)
        .map((f) => `- \`${f.op}\` ${f.status} ${f.why}: \`${f.request.replace(/`/g, "'")}\``)
        .join('\n')}\n`
    : ''
}`,
  );
  if (failures.length > 0) process.exitCode = 1;
} finally {
  await app.close();
  await db.drop();
}
