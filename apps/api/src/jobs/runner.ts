import type { Db } from '../db/client.js';
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
  /** Returns a short summary for the log and job_runs.result. */
  run(now: Date): Promise<string | void>;
}

export interface JobLogger {
  info(obj: object, msg: string): void;
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

  constructor(
    private readonly db: Db,
    private readonly jobs: ScheduledJob[],
    private readonly log: JobLogger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  start() {
    this.stopped = false;
    for (const job of this.jobs) this.schedule(job, 0);
  }

  /** Resolves when the runs started so far have finished (start-up prints its banner after the first pass). */
  async settled() {
    await new Promise((resolve) => setTimeout(resolve, 0)); // after the timers start() set, which run first
    await Promise.allSettled([...this.inFlight]);
  }

  async stop() {
    this.stopped = true;
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
    try {
      const result = (await job.run(now)) ?? undefined;
      if (result) this.log.info({ job: job.name, slot }, result);
      if (job.scope === 'once') await finishSlot(this.db, job.name, slot, result ? { result } : {});
    } catch (error) {
      this.log.error({ job: job.name, slot, err: error }, 'scheduled job failed');
      if (job.scope === 'once') await finishSlot(this.db, job.name, slot, { error: String(error) });
    }
    return true;
  }

  private schedule(job: ScheduledJob, delayMs: number) {
    if (this.stopped) return;
    const interval = job.scope === 'once' ? Math.min(job.everyMs, 60_000) : job.everyMs;
    const timer = setTimeout(() => {
      const run = this.tick(job)
        .catch((error: unknown) => this.log.error({ job: job.name, err: error }, 'job tick failed'))
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
