import type { Db } from '../db/client.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { safeErrorMessage } from '../observability/log-errors.js';
import { claimSlot, finishSlot, slotOf } from './slots.js';

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
 * every min(everyMs, 1 min) and run only if this process claims the current slot, so a slot left by a dead process
 * is taken over at the next tick after its lease. stop() clears every timer and waits for runs in progress.
 */
export class JobRunner {
  private timers = new Map<string, NodeJS.Timeout>();
  private inFlight = new Set<Promise<void>>();
  private stopped = true;
  private abort = new AbortController();

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

  async stop() {
    this.stopped = true;
    this.abort.abort();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
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
    try {
      const result = (await job.run(now, this.abort.signal)) ?? undefined;
      if (result) this.log.info({ job: job.name, slot }, result);
      if (job.scope === 'once') await finishSlot(this.db, job.name, slot, result ? { result } : {});
      this.observer?.ran(job, { ok: true, lagMs, finishedAt: this.clock() });
    } catch (error) {
      // The database went away mid-run: the claim stays unfinished and is taken again once its lease lapses,
      // so the run is repeated, not lost (every job is idempotent, decision 0301).
      if (isDatabaseUnavailable(error)) throw error;
      this.log.error({ job: job.name, slot, err: error }, 'scheduled job failed');
      if (job.scope === 'once') await finishSlot(this.db, job.name, slot, { error: safeErrorMessage(error) });
      this.observer?.ran(job, { ok: false, lagMs, finishedAt: this.clock() });
    }
    return true;
  }

  private schedule(job: ScheduledJob, delayMs: number) {
    if (this.stopped) return;
    const interval = job.scope === 'once' ? Math.min(job.everyMs, 60_000) : job.everyMs;
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
