import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';

export const slotOf = (now: Date, everyMs: number) => Math.floor(now.getTime() / everyMs);

/**
 * R-NOTE-2: claims (job, slot) for this process. The first INSERT wins; a concurrent one waits on the primary key
 * and then sees the winner's live lease, so it gets nothing. A slot whose claimer died (lease passed, never
 * finished) is taken over by the next process that asks. One statement, the same on PostgreSQL and PGlite.
 */
export async function claimSlot(
  db: Db,
  job: string,
  slot: number,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const until = new Date(now.getTime() + leaseMs);
  const rows = await queryRows<{ job: string }>(
    db,
    sql`insert into job_runs (job, slot, locked_until, started_at) values (${job}, ${slot}, ${until}, ${now})
        on conflict (job, slot) do update
          set attempts = job_runs.attempts + 1, locked_until = excluded.locked_until, started_at = excluded.started_at,
              error = null
          where job_runs.finished_at is null and job_runs.locked_until < ${now}
        returning job`,
  );
  return rows.length === 1;
}

export async function finishSlot(
  db: Db,
  job: string,
  slot: number,
  outcome: { result?: string; error?: string },
) {
  await db.execute(sql`update job_runs set finished_at = now(), result = ${outcome.result ?? null},
    error = ${outcome.error?.slice(0, 500) ?? null} where job = ${job} and slot = ${slot}`);
}

/**
 * Hands an unfinished claim back (graceful shutdown, decision 0009): its lease ends now, so the next process that
 * asks for the slot gets it instead of waiting for the lease to lapse. A finished run is left as it is.
 */
export async function releaseSlot(db: Db, job: string, slot: number) {
  await db.execute(sql`update job_runs set locked_until = started_at
    where job = ${job} and slot = ${slot} and finished_at is null`);
}

/** Keeps job_runs small: a week of history is plenty to see what ran. */
export async function pruneJobRuns(db: Db, now: Date, keepMs = 7 * 24 * 3_600_000) {
  await db.execute(sql`delete from job_runs where finished_at < ${new Date(now.getTime() - keepMs)}`);
}
