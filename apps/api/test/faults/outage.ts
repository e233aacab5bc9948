import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { startSmtp } from '../notifications/smtp.js';
import { startApiProcess, type ApiProcess } from './api-process.js';
import { startCluster } from './cluster.js';
import { checkWrites, helperApp, makePeople, runLoad } from './scenario.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type Probe = { at: number; api: number; path: string; status: number; ms: number; problemJson: boolean };
/** The clock jobs' period in this scenario (CLOCK_JOBS_EVERY_MS): short, so slots fall before, during and after. */
const CLOCK_EVERY_MS = 2_000;
const CLOCK_JOBS = [
  'invitation-expiry',
  'relationship-clocks',
  'cadence-watch',
  'nudges',
  'waitlist-release',
  'new-mentor-notices',
];

/**
 * Decision 0009's proof: two API processes on a throwaway cluster under a mixed load; the postmaster is killed
 * (`kill -9`) `killAfterMs` into the run and started again `downMs` later. Returns what happened, for the test's
 * assertions and the benchmark's table.
 */
export async function databaseOutage(options: {
  mentees: number;
  maxRequests: number;
  killAfterMs: number;
  downMs: number;
}) {
  const cluster = await startCluster();
  const smtp = await startSmtp();
  const apis: ApiProcess[] = [];
  let app: Awaited<ReturnType<typeof helperApp>> | undefined;
  try {
    for (let i = 0; i < 2; i++)
      apis.push(
        await startApiProcess(cluster.url, {
          SMTP_URL: smtp.url,
          CLOCK_JOBS_EVERY_MS: String(CLOCK_EVERY_MS),
        }),
      );
    const jobsUpAt = Date.now(); // both processes' job runners are ticking from here
    app = await helperApp(cluster.url);
    const people = await makePeople(app, options.mentees, Math.ceil(options.mentees / 2));
    const someone = people.mentees[0]!;

    const started = Date.now();
    const probes: Probe[] = [];
    let probing = true;
    const probeLoop = (async () => {
      while (probing) {
        await Promise.all(
          apis.flatMap((api, i) =>
            ['/readyz', '/healthz'].map(async (path) => {
              const sent = Date.now();
              // An answer that does not come within 5 s counts as none (status 0), and as a failure.
              const { status, problemJson } = await fetch(`${api.base}${path}`, {
                signal: AbortSignal.timeout(5_000),
              }).then(
                async (r) => {
                  await r.arrayBuffer();
                  return {
                    status: r.status,
                    problemJson: (r.headers.get('content-type') ?? '').includes('application/problem+json'),
                  };
                },
                () => ({ status: 0, problemJson: false }),
              );
              probes.push({ at: sent - started, api: i, path, status, ms: Date.now() - sent, problemJson });
            }),
          ),
        );
        await pause(200);
      }
    })();

    let killedAt = 0;
    let backAt = 0;
    const firstOkAfterBack: number[] = [];
    const fault = (async () => {
      await pause(options.killAfterMs);
      cluster.kill();
      killedAt = Date.now() - started;
      await pause(options.downMs);
      cluster.start(); // returns once the server accepts connections (pg_ctl -w)
      backAt = Date.now() - started;
      await Promise.all(
        apis.map(async (api, i) => {
          for (;;) {
            const ok = await fetch(`${api.base}/api/v1/me`, {
              headers: someone.auth,
              signal: AbortSignal.timeout(5_000),
            }).then(
              (r) => r.ok,
              () => false,
            );
            if (ok) return (firstOkAfterBack[i] = Date.now() - started - backAt);
            await pause(100);
          }
        }),
      );
    })();

    const load = await runLoad({
      apis,
      people,
      users: 4,
      maxRequests: options.maxRequests,
      thinkMs: 40,
      started,
      // Until 3 s after the database is back (maxRequests bounds it whatever happens).
      stop: () => backAt > 0 && Date.now() - started > backAt + 3_000,
    });
    await fault;
    probing = false;
    await probeLoop;

    // Email delivery resumed on its own: wait for the outbox to drain, then compare with what the relay received.
    let outbox = { total: 0, sent: 0 };
    for (let i = 0; i < 120; i++) {
      const rows = await queryRows<{ total: number; sent: number }>(
        app.db,
        sql`select count(*)::int as total, (count(*) filter (where status = 'sent'))::int as sent from email_outbox`,
      );
      outbox = rows[0]!;
      if (outbox.sent === outbox.total) break;
      await pause(500);
    }
    // The clock jobs ran before the kill, paused, and resumed: a few slots after the database is back, then read
    // which slots ran (job_runs: one row per job and slot, attempts = how many times it was claimed).
    while (Date.now() - started < backAt + 9_000) await pause(250);
    const checkedAt = Date.now();
    const runs = await queryRows<{ job: string; slot: number; attempts: number; finished: boolean }>(
      app.db,
      sql`select job, slot::float8 as slot, attempts, finished_at is not null as finished from job_runs
          where job in ${CLOCK_JOBS}`,
    );
    const slotAt = (ms: number) => Math.floor(ms / CLOCK_EVERY_MS);
    // Slots wholly between both runners ticking and the kill, and from 3 s after the database is back to the last complete slot.
    const before = [slotAt(jobsUpAt) + 1, slotAt(started + killedAt) - 1];
    const checkedSlot = slotAt(checkedAt);
    const after = [slotAt(started + backAt + 3_000), checkedSlot - 1];
    const outage = [before[1]! + 1, after[0]! - 1];
    const inRange = ([from, to]: number[], slot: number) => slot >= from! && slot <= to!;
    const ranIn = (range: number[]) => runs.filter((r) => r.finished && inRange(range, r.slot)).length;
    const expectedIn = ([from, to]: number[]) => Math.max(0, to! - from! + 1) * CLOCK_JOBS.length;
    const clockJobs = {
      everyMs: CLOCK_EVERY_MS,
      slotsBefore: expectedIn(before),
      ranBefore: ranIn(before),
      slotsAfter: expectedIn(after),
      ranAfter: ranIn(after),
      ranDuringOutage: ranIn(outage),
      // A slot claimed more than once (its lease lapsed and another process ran it again).
      doubled: runs.filter((r) => r.attempts > 1).length,
      // A claim left unfinished outside the outage (a run lost); one the kill interrupted is caught up by the next.
      // Only slots that ended before the check count: a run of the slot under way when the rows were read may not
      // have finished yet, and that is not a lost run.
      unfinishedOutsideOutage: runs.filter(
        (r) => !r.finished && !inRange(outage, r.slot) && r.slot < checkedSlot,
      ).length,
      interruptedByTheKill: runs.filter((r) => !r.finished && inRange(outage, r.slot)).length,
      runningAtTheCheck: runs.filter((r) => !r.finished && r.slot >= checkedSlot).length,
      // Where the unfinished claims sit, as slots counted from the first one measured (for reading a failure).
      unfinishedSlots: runs.filter((r) => !r.finished).map((r) => `${r.job} ${r.slot - before[0]!}`),
      ranges: {
        before: [0, before[1]! - before[0]!],
        after: after.map((s) => s - before[0]!),
        checked: checkedSlot - before[0]!,
      },
    };
    const ids = smtp.received.map((m) => smtp.header(m, 'Message-ID'));
    const writes = await checkWrites(app, load.written);
    const during = load.outcomes.filter((o) => o.at >= killedAt && o.at <= backAt);
    const firstOkAfterKill = load.outcomes.find(
      (o) => o.at > backAt && o.status >= 200 && o.status < 300,
    )?.at;
    const readyz = (i: number) => probes.filter((p) => p.api === i && p.path === '/readyz');
    return {
      requests: load.requests,
      loadEndedAt: load.outcomes.at(-1)?.at ?? 0,
      killedAt,
      backAt,
      statuses: countBy(load.outcomes.map((o) => o.status)),
      failed: load.outcomes.filter((o) => o.status === 0 || o.status >= 500).length,
      fiveHundredsOtherThan503: load.outcomes.filter((o) => o.status >= 500 && o.status !== 503).length,
      noAnswer: load.outcomes.filter((o) => o.status === 0).length,
      requestsDuringOutage: during.length,
      secondsUnavailable:
        firstOkAfterKill === undefined
          ? Infinity
          : (Math.max(firstOkAfterKill, backAt + Math.max(...firstOkAfterBack)) - killedAt) / 1000,
      secondsFromBackToFirst2xx: firstOkAfterBack.map((ms) => ms / 1000),
      readyzWent503: apis.map((_, i) => readyz(i).some((p) => p.status === 503 && p.at > killedAt)),
      readyzBack200: apis.map((_, i) => readyz(i).some((p) => p.status === 200 && p.at > backAt)),
      // The slowest /readyz answer from the kill until the database was back (a probe with no answer within 5 s
      // counts as 5 s), and the probes that got no answer or a 503 that was not problem+json.
      readyzSlowestDuringOutage:
        Math.max(
          0,
          ...probes
            .filter((p) => p.path === '/readyz' && p.at >= killedAt && p.at <= backAt)
            .map((p) => p.ms),
        ) / 1000,
      readyzNoAnswer: probes.filter((p) => p.path === '/readyz' && p.status === 0).length,
      readyz503NotProblemJson: probes.filter(
        (p) => p.path === '/readyz' && p.status === 503 && !p.problemJson,
      ).length,
      clockJobs,
      healthzNot200: probes.filter((p) => p.path === '/healthz' && p.status !== 200).length,
      bothAlive: apis.every((a) => a.alive()),
      emails: {
        outbox: outbox.total,
        sent: outbox.sent,
        received: ids.length,
        duplicates: ids.length - new Set(ids).size,
      },
      ...writes,
      logs: apis.map((a) => a.output()),
    };
  } finally {
    await app?.close().catch(() => undefined);
    for (const api of apis) api.kill('SIGKILL');
    await Promise.all(apis.map((a) => a.exited));
    await smtp.close();
    cluster.remove();
  }
}

function countBy(values: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}
