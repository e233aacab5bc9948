import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { databaseUrl, randomSuffix, withAdmin } from '../helpers/pg-admin.js';
import { startApiProcess } from './api-process.js';
import { helperApp, makePeople } from './scenario.js';

const name = `hhs_shutdown_${randomSuffix()}`;
beforeAll(() => withAdmin((c) => c.query(`create database ${name}`)));
afterAll(() => withAdmin((c) => c.query(`drop database if exists ${name} with (force)`)));

describe('graceful shutdown (decision 0009)', () => {
  it('on SIGTERM the API finishes in-flight requests, closes its job claims and its pool, and exits 0', async () => {
    const api = await startApiProcess(databaseUrl(name), { LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '15000' });
    const app = await helperApp(databaseUrl(name));
    const blocker = new pg.Client({ connectionString: databaseUrl(name) });
    try {
      const people = await makePeople(app, 5, 5);
      // Hold the mentees' application rows, which an invitation locks first: the five requests are then surely
      // in flight inside the API (waiting in PostgreSQL) when SIGTERM arrives.
      await blocker.connect();
      await blocker.query('begin');
      await blocker.query('select 1 from mentee_applications where employee_id = any($1) for update', [
        people.mentees.map((m) => m.employee.id),
      ]);
      const inFlight = people.mentees.map((m, i) =>
        fetch(`${api.base}/api/v1/invitations`, {
          method: 'POST',
          headers: { ...m.auth, 'content-type': 'application/json' },
          body: JSON.stringify({ mentorId: people.mentors[i]!.employee.id, message: 'Hello' }),
        }).then(
          (r) => r.status,
          () => 0,
        ),
      );
      for (let waiting = 0; waiting < 5;) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const r = await blocker.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'`,
          [name],
        );
        waiting = r.rows[0]!.n;
      }
      api.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(
        await fetch(`${api.base}/healthz`).then(
          (r) => r.status,
          () => 0,
        ),
        'no new connection once closing',
      ).toBe(0);
      await blocker.query('commit');
      const statuses = await Promise.all(inFlight);
      const exit = await api.exited;
      expect(statuses).toEqual([201, 201, 201, 201, 201]);
      expect(exit, api.output().slice(-3000)).toEqual({ code: 0, signal: null });
      expect(api.output()).toContain('shut down cleanly');
      const rows = await queryRows<{ claims: number; runs: number; invitations: number }>(
        app.db,
        sql`select (select count(*) filter (where finished_at is null) from job_runs)::int as claims,
                   (select count(*) from job_runs)::int as runs,
                   (select count(*) from invitations)::int as invitations`,
      );
      expect(rows[0]!.invitations).toBe(5);
      expect(rows[0]!.runs, 'the jobs ran at start-up').toBeGreaterThan(0);
      expect(rows[0]!.claims, 'every job claim was finished before exit').toBe(0);
    } finally {
      await blocker.end().catch(() => undefined);
      api.kill('SIGKILL');
      await app.close();
    }
  }, 120_000);
});
