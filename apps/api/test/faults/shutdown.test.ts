import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { claimSlot } from '../../src/jobs/slots.js';
import { databaseUrl, randomSuffix, withAdmin } from '../helpers/pg-admin.js';
import { startApiProcess } from './api-process.js';
import { helperApp, makePeople } from './scenario.js';

const name = `hhs_shutdown_${randomSuffix()}`;
const stuckName = `${name}_stuck`;
beforeAll(() =>
  withAdmin(async (c) => {
    await c.query(`create database ${name}`);
    await c.query(`create database ${stuckName}`);
  }),
);
afterAll(() =>
  withAdmin(async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`drop database if exists ${stuckName} with (force)`);
  }),
);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Sessions of the database waiting on a lock. Read through the helper app's pool, outside the blocker's transaction:
 * PostgreSQL keeps one pg_stat_activity snapshot per transaction, so read inside it the count would never move.
 */
const lockWaiters = async (app: FastifyInstance, database: string) =>
  (
    await queryRows<{ n: number }>(
      app.db,
      sql`select count(*)::int as n from pg_stat_activity where datname = ${database} and wait_event_type = 'Lock'`,
    )
  )[0]!.n;

describe('graceful shutdown (decision 0009)', () => {
  it('on SIGTERM the API finishes in-flight requests, closes its pool, and exits 0', async () => {
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
      const deadline = Date.now() + 60_000;
      for (let waiting = 0; waiting < 5;) {
        if (Date.now() > deadline)
          throw new Error(
            `only ${waiting} of the 5 requests reached the lock:\n${api.output().slice(-3000)}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 50));
        waiting = await lockWaiters(app, name);
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
      expect(rows[0]!.claims, 'no job claim left unfinished').toBe(0);
    } finally {
      await blocker.end().catch(() => undefined);
      api.kill('SIGKILL');
      await app.close();
    }
  }, 120_000);

  it('on SIGTERM with job runs and a request stuck in the database: the job claims are handed back for another replica at once, and SHUTDOWN_TIMEOUT_MS bounds the exit', async () => {
    const url = databaseUrl(stuckName);
    const app = await helperApp(url); // migrates the database
    const blocker = new pg.Client({ connectionString: url });
    let api: Awaited<ReturnType<typeof startApiProcess>> | undefined;
    try {
      const people = await makePeople(app, 1, 1);
      // Every clock job reads relationships: with the table locked before the API starts, the clock runs its
      // start-up tick claims are in PostgreSQL, waiting, when SIGTERM arrives, and so is a request listing them.
      await blocker.connect();
      await blocker.query('begin');
      await blocker.query('lock table relationships in access exclusive mode');
      api = await startApiProcess(url, { LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '4000' });
      const claims = () =>
        queryRows<{ job: string; slot: number; leased: boolean }>(
          app.db,
          sql`select job, slot::float8 as slot, locked_until > now() as leased from job_runs
              where finished_at is null order by job`,
        );
      const waiting = () => lockWaiters(app, stuckName);
      // The start-up tick claims every job at once; the ones that do not read relationships finish, the clock runs
      // stay waiting on the lock. The claims in progress are read once they have settled: the same for half a
      // second, each waiting on the lock (a read in the middle of the start-up tick caught a job finishing).
      const settledClaims = async () => {
        let seen = '';
        let same = 0;
        let current: Awaited<ReturnType<typeof claims>> = [];
        for (let i = 0; i < 300 && same < 5; i++) {
          await pause(100);
          current = await claims();
          const key = JSON.stringify(current.map((c) => [c.job, c.slot]));
          same = key === seen && current.length > 0 && (await waiting()) >= current.length ? same + 1 : 0;
          seen = key;
        }
        return current;
      };
      let held = await settledClaims();
      expect(await waiting(), 'the clock runs wait on the lock').toBeGreaterThanOrEqual(held.length);
      expect(held.length, 'clock runs in progress at SIGTERM').toBeGreaterThan(0);
      expect(held.every((c) => c.leased)).toBe(true);
      // Their lease is the full default (5 min): without the hand-back nobody could take them now.
      for (const c of held) expect(await claimSlot(app.db, c.job, c.slot, new Date(), 60_000)).toBe(false);

      const stuckRequest = fetch(`${api.base}/api/v1/relationships`, {
        headers: people.mentees[0]!.auth,
      }).then(
        (r) => r.status,
        () => 0,
      );
      const before = await waiting();
      for (let i = 0; i < 600 && (await waiting()) <= before; i++) await pause(50);
      expect(await waiting(), 'the request waits on the lock too').toBeGreaterThan(before);
      held = await settledClaims();

      const sentAt = Date.now();
      api.kill('SIGTERM');
      const exit = await api.exited;
      const tookMs = Date.now() - sentAt;
      const output = api.output();
      // The stuck request holds the close open: the process exits at the bound, not before and not much after.
      expect(tookMs, output.slice(-3000)).toBeGreaterThanOrEqual(3_500);
      expect(tookMs, output.slice(-3000)).toBeLessThan(4_000 + 2_000);
      expect(exit, output.slice(-3000)).toEqual({ code: 1, signal: null });
      expect(output).toContain('killed by timeout (4000ms)');
      expect(await stuckRequest, 'the stuck request was never answered 2xx').toBe(0);
      expect(output).toContain(`released ${held.length} of ${held.length} job claim(s)`);

      const after = await claims();
      expect(after.map((c) => [c.job, c.slot])).toEqual(held.map((c) => [c.job, c.slot]));
      expect(
        after.every((c) => !c.leased),
        'handed back: the lease ended at shutdown',
      ).toBe(true);
      // Another replica's next tick takes each slot over at once (the same statement it runs).
      for (const c of held) expect(await claimSlot(app.db, c.job, c.slot, new Date(), 60_000)).toBe(true);
    } finally {
      await blocker.end().catch(() => undefined);
      api?.kill('SIGKILL');
      await app.close();
    }
  }, 120_000);
});
