// Writes test/fixtures/release-1-data.sql.gz: the rows of a database made by release 1 (the migration baseline),
// for the upgrade test (docs/decisions/0003-migrations.md). Run once, at the release commit, against a PostgreSQL:
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm exec tsx scripts/make-release-fixture.ts
// It is not re-run later: a later run would describe a later schema, not the release's.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { testConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { seedDemo } from '../src/seed/seed.js';
import { databaseUrl, randomSuffix, withAdmin } from '../test/helpers/pg-admin.js';
import { clientFor } from '../test/helpers/client.js';
import { mentee, mentor, pairUp } from '../test/helpers/people.js';

const name = `hhs_release_fixture_${randomSuffix()}`;
await withAdmin((c) => c.query(`create database ${name}`));
try {
  const database = await openDatabase({ databaseUrl: databaseUrl(name), poolSize: 2 });
  const app = await buildApp({ config: testConfig(), database });
  await app.ready();
  await seedDemo(database.db, 400);

  // Invitations in every state the API makes, and relationships in every state.
  const pending = [await mentee(app), await mentor(app)] as const;
  await clientFor(app, pending[0]).POST('/api/v1/invitations', {
    body: {
      mentorId: pending[1].employee.id,
      message: 'Would you mentor me?',
    },
  });
  const declined = [await mentee(app), await mentor(app)] as const;
  const d = await clientFor(app, declined[0]).POST('/api/v1/invitations', {
    body: {
      mentorId: declined[1].employee.id,
      message: 'Hello',
    },
  });
  await clientFor(app, declined[1]).POST('/api/v1/invitations/{id}/decline', {
    params: { path: { id: d.data!.id } },
    body: { reason: 'time_constraints' },
  });
  const accepted = [await mentee(app), await mentor(app)] as const;
  const a = await clientFor(app, accepted[0]).POST('/api/v1/invitations', {
    body: {
      mentorId: accepted[1].employee.id,
      message: 'Hello',
    },
  });
  await clientFor(app, accepted[1]).POST('/api/v1/invitations/{id}/accept', {
    params: { path: { id: a.data!.id } },
  });
  const withdrawn = [await mentee(app), await mentor(app)] as const;
  const w = await clientFor(app, withdrawn[0]).POST('/api/v1/invitations', {
    body: {
      mentorId: withdrawn[1].employee.id,
      message: 'Hello',
    },
  });
  await clientFor(app, withdrawn[0]).POST('/api/v1/invitations/{id}/withdraw', {
    params: { path: { id: w.data!.id } },
  });

  const states = ['onboarding', 'active', 'termination_requested', 'completed', 'terminated'] as const;
  for (const state of states) {
    const rel = await pairUp(app, await mentee(app), await mentor(app));
    if (state === 'onboarding') continue;
    // Later states are written directly: reaching them through the API takes a year of clock.
    await app.db.execute(sql`update relationships set state = ${state},
      orientation_at = confirmed_at, agreement_completed_at = confirmed_at, idp_completed_at = confirmed_at,
      termination_requested_by = ${state === 'termination_requested' ? 'mentee' : null},
      termination_reason = ${state === 'termination_requested' ? 'New role' : null},
      termination_requested_at = ${state === 'termination_requested' ? sql`now()` : null},
      termination_from_state = ${state === 'termination_requested' ? 'active' : null},
      ended_at = ${state === 'completed' || state === 'terminated' ? sql`now()` : null},
      ended_reason = ${state === 'terminated' ? 'Moved agency' : null}
      where id = ${rel}`);
  }
  await app.close();
  await database.close();
  const dump = execFileSync(
    'pg_dump',
    [
      '--data-only',
      '--column-inserts',
      '--disable-triggers',
      '--no-owner',
      '--exclude-schema=drizzle',
      databaseUrl(name),
    ],
    { maxBuffer: 512 * 1024 * 1024 },
  );
  writeFileSync('test/fixtures/release-1-data.sql.gz', gzipSync(dump, { level: 9 }));
  process.stdout.write(`wrote test/fixtures/release-1-data.sql.gz (${dump.length} bytes of SQL)\n`);
} finally {
  await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
}
