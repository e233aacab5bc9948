import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDatabase } from '../helpers/app.js';
import { openDatabase, queryRows, type Database } from '../../src/db/client.js';
import { emailOutbox } from '../../src/db/schema/index.js';
import { deliverDueEmails } from '../../src/jobs/email-delivery.js';
import { smtpSender } from '../../src/jobs/mail-transport.js';
import { JobRunner, type ScheduledJob } from '../../src/jobs/runner.js';
import { claimSlot } from '../../src/jobs/slots.js';
import { startSmtp } from './smtp.js';

// Two "API processes" on one database: on PostgreSQL two separate connection pools, on PGlite the one instance.
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let second: Database;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  fresh = await freshDatabase();
  second = fresh.url ? await openDatabase({ databaseUrl: fresh.url, poolSize: 5 }) : fresh.database;
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp?.close();
  if (fresh?.url) await second?.close();
  await fresh?.drop();
});

const silent = { info: () => {}, warn: () => {}, error: () => {} };

describe('R-NOTE-1/R-NOTE-2: several processes on one database', () => {
  it('R-NOTE-1: two workers delivering 50 queued emails concurrently send each exactly once', async () => {
    const addresses = Array.from({ length: 50 }, (_, i) => `person${i}@test.hhs.gov`);
    await fresh.database.db.insert(emailOutbox).values(
      addresses.map((to) => ({
        toAddress: to,
        subject: 'HHS Mentoring Program: load',
        textBody: 'Hello.',
      })),
    );
    const senders = [smtpSender(smtp.url), smtpSender(smtp.url)];
    const worker = (i: number) =>
      deliverDueEmails([fresh.database, second][i]!.db, {
        sender: senders[i]!,
        from: 'mentoring-noreply@hhs.gov',
        messageIdDomain: 'hhs.gov',
      });
    try {
      const results = await Promise.all([worker(0), worker(1), worker(0), worker(1)]);
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(50);
      if (fresh.url) expect(results.filter((r) => r.sent > 0).length).toBeGreaterThan(1); // both really worked
    } finally {
      for (const s of senders) s.close();
    }
    const recipients = smtp.received.flatMap((m) => m.to).sort();
    expect(recipients).toEqual([...addresses].sort());
    const ids = new Set(smtp.received.map((m) => smtp.header(m, 'Message-ID')));
    expect(ids.size).toBe(50);
    const states = await queryRows<{ status: string; attempts: number; n: number }>(
      fresh.database.db,
      sql`select status, attempts, count(*)::int as n from email_outbox group by 1, 2`,
    );
    expect(states).toEqual([{ status: 'sent', attempts: 1, n: 50 }]);
  });

  it('R-NOTE-2: of many concurrent claims for one slot from two processes, exactly one wins', async () => {
    const now = new Date();
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        claimSlot([fresh.database, second][i % 2]!.db, 'race', 1, now, 60_000),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('R-NOTE-2: a slot left unfinished by a dead process is taken over after its lease, a finished one never', async () => {
    const t0 = Date.now();
    expect(await claimSlot(fresh.database.db, 'takeover', 7, new Date(t0), 1_000)).toBe(true);
    expect(await claimSlot(second.db, 'takeover', 7, new Date(t0 + 999), 1_000)).toBe(false);
    expect(await claimSlot(second.db, 'takeover', 7, new Date(t0 + 1_001), 1_000)).toBe(true);
    await second.db.execute(sql`update job_runs set finished_at = now() where job = 'takeover'`);
    expect(await claimSlot(fresh.database.db, 'takeover', 7, new Date(t0 + 60_000), 1_000)).toBe(false);
  });

  it('R-NOTE-2: two job runners on one database run a scheduled job once per slot', async () => {
    const ran: Array<{ runner: number; slot: number }> = [];
    const everyMs = 250;
    const job = (runner: number): ScheduledJob => ({
      name: 'every-250ms',
      everyMs,
      scope: 'once',
      run: async (now) => {
        ran.push({ runner, slot: Math.floor(now.getTime() / everyMs) });
        await new Promise((r) => setTimeout(r, 20));
      },
    });
    const runners = [
      new JobRunner(fresh.database.db, [job(0)], silent),
      new JobRunner(second.db, [job(1)], silent),
    ];
    for (const r of runners) r.start();
    await new Promise((r) => setTimeout(r, 2_000));
    await Promise.all(runners.map((r) => r.stop()));

    const slots = ran.map((r) => r.slot);
    expect(new Set(slots).size).toBe(slots.length);
    expect(slots.length).toBeGreaterThanOrEqual(3);
    const recorded = await queryRows<{ n: number; unfinished: number }>(
      fresh.database.db,
      sql`select count(*)::int as n, count(*) filter (where finished_at is null)::int as unfinished
          from job_runs where job = 'every-250ms'`,
    );
    expect(recorded[0]).toEqual({ n: slots.length, unfinished: 0 });
    const after = ran.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(ran.length).toBe(after); // stop() left no timer behind
  });

  it('R-NOTE-2: at shutdown a run still going hands its slot back, and another process takes it at once (decision 0009)', async () => {
    const everyMs = 3_600_000;
    let unblock = () => {};
    const stuck: ScheduledJob = {
      name: 'stuck-at-shutdown',
      everyMs,
      scope: 'once',
      leaseMs: 600_000,
      run: () => new Promise<void>((resolve) => (unblock = resolve)),
    };
    // A run that honours the shutdown signal by giving up: handed back too, not recorded as a failure.
    const gives: ScheduledJob = {
      name: 'gives-up-at-shutdown',
      everyMs,
      scope: 'once',
      leaseMs: 600_000,
      run: (_now, signal) =>
        new Promise<void>((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new Error('stopped'))),
        ),
    };
    // One moment for the runner and the test, so an hour turning between them cannot put them in different slots.
    const at = new Date();
    const runner = new JobRunner(fresh.database.db, [stuck, gives], silent, () => at);
    runner.start();
    const slot = Math.floor(at.getTime() / everyMs);
    const claimed = async () =>
      queryRows<{ job: string; finished: boolean; error: string | null }>(
        fresh.database.db,
        sql`select job, finished_at is not null as finished, error from job_runs
            where job in ('stuck-at-shutdown', 'gives-up-at-shutdown') and slot = ${slot} order by job`,
      );
    for (let i = 0; i < 100 && (await claimed()).length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    // Leased for ten minutes: another process cannot take the slots now.
    expect(await claimSlot(second.db, 'stuck-at-shutdown', slot, new Date(), 600_000)).toBe(false);

    expect(await runner.stop(200)).toBe(1); // the stuck one; the other gave up and was handed back itself
    const now = new Date();
    expect(await claimSlot(second.db, 'stuck-at-shutdown', slot, now, 600_000)).toBe(true);
    expect(await claimSlot(second.db, 'gives-up-at-shutdown', slot, now, 600_000)).toBe(true);
    expect(await claimed()).toEqual([
      { job: 'gives-up-at-shutdown', finished: false, error: null },
      { job: 'stuck-at-shutdown', finished: false, error: null },
    ]);
    unblock();
  });
});
