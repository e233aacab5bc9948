import type { Db } from '../db/client.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { safeErrorMessage } from '../observability/log-errors.js';
import { claimSlot, finishSlot, releaseSlot, slotOf } from './slots.js';

export interface ScheduledJob {
  name: string;
  everyMs: number;
  /**
   * 'once': one process per time slot across all processes (job_runs claim) — clocks, expiry.
   * 'each': every process runs it; only for work that claims its own rows (email delivery).
   */
  scope: 'once' | 'each';
  /** How long a 'once' claim is exclusive before another process may take over (default: min(everyMs, 5 min)). */
  leaseMs?: number;
  /** Returns a short summary for the log and job_runs.result. `signal` aborts at shutdown: stop at a safe point. */
  run(now: Date, signal: AbortSignal): Promise<string | void>;
}

/** Told of every run (the metrics: decision 0606). lagMs: how long after its time slot began the run started. */
export interface JobObserver {
  ran(job: ScheduledJob, run: { ok: boolean; lagMs: number; finishedAt: Date }): void;
}

export interface JobLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Runs scheduled jobs on timers in this process (docs/decisions/0301-scheduled-jobs.md). 'once' jobs are tried
 * every min(everyMs / 2, 1 min), so every slot is tried at least once even as the timers drift, and run only if
 * this process claims the current slot; a slot left by a dead process is taken over at the next tick after its
 * lease. stop() clears every timer, tells runs in progress to stop at a safe point and waits for them; given a
 * bound (shutdown), it then hands back the claims of runs still going so another process can take them at once.
 */
export class JobRunner {
  private timers = new Map<string, NodeJS.Timeout>();
  private inFlight = new Set<Promise<void>>();
  private stopped = true;
  private abort = new AbortController();
  /** The 'once' claims of the runs in progress in this process. */
  private held = new Map<string, { job: string; slot: number }>();

  constructor(
    private readonly db: Db,
    private readonly jobs: ScheduledJob[],
    private readonly log: JobLogger,
    private readonly clock: () => Date = () => new Date(),
    private readonly observer?: JobObserver,
  ) {}

  start() {
    this.stopped = false;
    this.abort = new AbortController();
    for (const job of this.jobs) this.schedule(job, 0);
  }

  /** Resolves when the runs started so far have finished (start-up prints its banner after the first pass). */
  async settled() {
    await new Promise((resolve) => setTimeout(resolve, 0)); // after the timers start() set, which run first
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Stops the timers and waits for the runs in progress. With `waitMs` (graceful shutdown, decision 0009), waits
   * that long at most, then releases the claims of the runs still going (their lease ends now instead of after
   * `leaseMs`) and returns how many it released: another replica takes each slot at its next tick.
   */
  async stop(waitMs?: number): Promise<number> {
    this.stopped = true;
    this.abort.abort();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    const runs = Promise.allSettled([...this.inFlight]);
    if (waitMs === undefined) {
      await runs;
      return 0;
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([runs, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
    const claims = [...this.held.values()];
    this.held.clear();
    if (!claims.length) return 0;
    const released = await Promise.all(
      claims.map((c) =>
        releaseSlot(this.db, c.job, c.slot).then(
          () => true,
          () => false,
        ),
      ),
    );
    const n = released.filter(Boolean).length;
    this.log.warn(
      { jobs: claims.map((c) => c.job), released: n },
      `shutdown: released ${n} of ${claims.length} job claim(s) still running, for another process to take over`,
    );
    return n;
  }

  /** One attempt now: claims the slot for a 'once' job; true if it ran here. */
  async tick(job: ScheduledJob): Promise<boolean> {
    const now = this.clock();
    const slot = slotOf(now, job.everyMs);
    if (job.scope === 'once') {
      const leaseMs = job.leaseMs ?? Math.min(job.everyMs, 300_000);
      if (!(await claimSlot(this.db, job.name, slot, now, leaseMs))) return false;
    }
    const lagMs = now.getTime() - slot * job.everyMs;
    const key = `${job.name}:${slot}`;
    if (job.scope === 'once') this.held.set(key, { job: job.name, slot });
    try {
      const result = (await job.run(now, this.abort.signal)) ?? undefined;
      if (result) this.log.info({ job: job.name, slot }, result);
      if (job.scope === 'once') await finishSlot(this.db, job.name, slot, result ? { result } : {});
      this.observer?.ran(job, { ok: true, lagMs, finishedAt: this.clock() });
    } catch (error) {
      // The database went away mid-run: the claim stays unfinished and is taken again once its lease lapses,
      // so the run is repeated, not lost (every job is idempotent, decision 0301).
      if (isDatabaseUnavailable(error)) throw error;
      // Stopped mid-run by the shutdown: not a failure of the job; another process takes the slot over now.
      if (this.abort.signal.aborted && job.scope === 'once' && this.held.has(key)) {
        this.held.delete(key);
        await releaseSlot(this.db, job.name, slot);
        return true;
      }
      this.log.error({ job: job.name, slot, err: error }, 'scheduled job failed');
      if (job.scope === 'once') await finishSlot(this.db, job.name, slot, { error: safeErrorMessage(error) });
      this.observer?.ran(job, { ok: false, lagMs, finishedAt: this.clock() });
    } finally {
      this.held.delete(key);
    }
    return true;
  }

  private schedule(job: ScheduledJob, delayMs: number) {
    if (this.stopped) return;
    const interval = job.scope === 'once' ? Math.min(job.everyMs / 2, 60_000) : job.everyMs;
    const timer = setTimeout(() => {
      const run = this.tick(job)
        .catch((error: unknown) =>
          isDatabaseUnavailable(error)
            ? this.log.warn(
                { job: job.name },
                'database unavailable: the job will try again at its next tick',
              )
            : this.log.error({ job: job.name, err: error }, 'job tick failed'),
        )
        .then(() => {
          this.inFlight.delete(run);
          this.schedule(job, interval);
        });
      this.inFlight.add(run);
    }, delayMs);
    // A forgotten runner must never keep the process alive.
    timer.unref();
    this.timers.set(job.name, timer);
  }
}
