import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db/client.js';
import type { JobObserver, ScheduledJob } from '../jobs/runner.js';

/** The program's events counted from the database, so every replica reports the same cluster-wide totals. */
export const PROGRAM_EVENTS = [
  'invitation_sent',
  'invitation_accepted',
  'invitation_confirmed',
  'relationship_started',
  'relationship_completed',
  'relationship_terminated',
] as const;

type DatabaseFigures = { [K in (typeof PROGRAM_EVENTS)[number]]: number } & {
  outbox_backlog: number;
  outbox_oldest_age: number | null;
  webhook_backlog: number;
  webhook_disabled: number;
};

// One statement per scrape: small counts over indexed columns (invitations, relationships by state, the outbox's due
// index) and the last successful run of each 'once' job.
const figures = sql`select
  (select count(*) from invitations)::int as invitation_sent,
  (select count(*) from invitations where answered_at is not null and decline_reason is null)::int as invitation_accepted,
  (select count(*) from invitations where relationship_id is not null)::int as invitation_confirmed,
  (select count(*) from relationships)::int as relationship_started,
  (select count(*) from relationships where state = 'completed')::int as relationship_completed,
  (select count(*) from relationships where state = 'terminated')::int as relationship_terminated,
  (select count(*) from email_outbox where status in ('pending', 'sending'))::int as outbox_backlog,
  (select extract(epoch from now() - min(created_at))::float8 from email_outbox where status in ('pending', 'sending')) as outbox_oldest_age,
  (select count(*) from webhook_deliveries where status in ('pending', 'sending'))::int as webhook_backlog,
  (select count(*) from webhook_subscriptions where not enabled)::int as webhook_disabled`;
const lastRuns = sql`select job, extract(epoch from max(finished_at))::float8 as at from job_runs
  where finished_at is not null and error is null group by job`;

/** How long a scrape waits for the database figures before it answers with the last ones read. */
const DATABASE_WAIT_MS = 1_000;

export interface Metrics {
  registry: Registry;
  /** Records each scheduled job's run (plugins/app/jobs.ts hands it to the JobRunner). */
  jobs: JobObserver & {
    /**
     * Every job the API schedules, whether or not this process runs them (JOBS=off): its period is exported from
     * start-up, so HhsMentoringJobLate sees a job that never succeeded, or that no process runs.
     */
    registered(jobs: ScheduledJob[]): void;
  };
  observeRequest(route: string, method: string, status: number, seconds: number): void;
  /** R-HOOK-3: each webhook delivery attempt of this process, by outcome (delivered, failed, refused). */
  observeWebhook(outcome: string, durationMs: number): void;
}

/** The API's Prometheus metrics (decision 0606): its own registry, so several apps in one process do not collide. */
export function createMetrics(database: Database): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const http = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by route template, method and status, with their latency',
    labelNames: ['route', 'method', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pool = database.pool;
  if (pool) {
    const poolGauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read());
        },
      });
    poolGauge('hhs_db_pool_size', 'PostgreSQL connections open in this process', () => pool.totalCount);
    poolGauge('hhs_db_pool_idle', 'PostgreSQL connections open and idle', () => pool.idleCount);
    poolGauge('hhs_db_pool_waiting', 'Queries waiting for a PostgreSQL connection', () => pool.waitingCount);
  }
  const runs = new Counter({
    name: 'hhs_job_runs_total',
    help: 'Scheduled job runs in this process',
    labelNames: ['job_name'],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'hhs_job_failures_total',
    help: 'Scheduled job runs that failed',
    labelNames: ['job_name'],
    registers: [registry],
  });
  const lag = new Gauge({
    name: 'hhs_job_lag_seconds',
    help: 'How late the last run started after its time slot began',
    labelNames: ['job_name'],
    registers: [registry],
  });
  const period = new Gauge({
    name: 'hhs_job_period_seconds',
    help: 'How often each job is meant to run',
    labelNames: ['job_name'],
    registers: [registry],
  });
  // A registry collects its metrics concurrently: the ones read from the database share one query per scrape. When
  // PostgreSQL is slow or the pool is exhausted — when the metrics matter most — a scrape still answers in time with
  // the pool and process figures, and the database ones as last read.
  type Figures = { row?: DatabaseFigures; runs: Array<{ job: string; at: number }> };
  let last: Figures = { runs: [] };
  let inFlight: Promise<Figures> | undefined;
  const read = async (): Promise<Figures> => {
    const [rows, runs] = await Promise.all([
      queryRows<DatabaseFigures>(database.db, figures),
      queryRows<{ job: string; at: number }>(database.db, lastRuns),
    ]);
    return { ...(rows[0] ? { row: rows[0] } : {}), runs };
  };
  const fromDatabase = () =>
    (inFlight ??= Promise.race([
      read(),
      new Promise<never>((_, reject) => setTimeout(reject, DATABASE_WAIT_MS).unref()),
    ])
      .then(
        (figures) => (last = figures),
        () => last,
      )
      .finally(() => (inFlight = undefined)));
  const lastSuccess = new Gauge({
    name: 'hhs_job_last_success_timestamp_seconds',
    help: 'When each job last finished without error (for once-per-slot jobs: in any process, from job_runs)',
    labelNames: ['job_name'],
    registers: [registry],
    async collect() {
      for (const { job, at } of (await fromDatabase()).runs) this.set({ job_name: job }, at);
    },
  });
  new Gauge({
    name: 'hhs_email_outbox_backlog',
    help: 'Emails not sent yet (pending or being sent)',
    registers: [registry],
    async collect() {
      const { row } = await fromDatabase();
      if (row) this.set(row.outbox_backlog);
    },
  });
  new Gauge({
    name: 'hhs_email_outbox_oldest_age_seconds',
    help: 'Age of the oldest email not sent yet (0 when none)',
    registers: [registry],
    async collect() {
      const { row } = await fromDatabase();
      if (row) this.set(row.outbox_oldest_age ?? 0);
    },
  });
  const webhookAttempts = new Counter({
    name: 'hhs_webhook_deliveries_total',
    help: 'Webhook delivery attempts made by this process, by outcome: delivered, failed, refused (R-HOOK-3)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const webhookSeconds = new Histogram({
    name: 'hhs_webhook_delivery_duration_seconds',
    help: 'How long webhook receivers took to answer',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'hhs_webhook_backlog',
    help: 'Webhook deliveries waiting to be sent (pending or being sent), across every endpoint',
    registers: [registry],
    async collect() {
      const { row } = await fromDatabase();
      if (row) this.set(row.webhook_backlog);
    },
  });
  new Gauge({
    name: 'hhs_webhook_endpoints_disabled',
    help: 'Webhook endpoints switched off (after failing, or by hand): their deliveries wait (R-HOOK-6)',
    registers: [registry],
    async collect() {
      const { row } = await fromDatabase();
      if (row) this.set(row.webhook_disabled);
    },
  });
  // Counters whose totals live in the database (every replica reports the same totals): each scrape sets them.
  new Counter({
    name: 'hhs_program_events_total',
    help: 'Program events since the start: invitations sent, accepted, confirmed; relationships started, completed, terminated',
    labelNames: ['event'],
    registers: [registry],
    async collect() {
      const { row } = await fromDatabase();
      if (!row) return;
      this.reset();
      for (const event of PROGRAM_EVENTS) this.inc({ event }, row[event]);
    },
  });
  return {
    registry,
    jobs: {
      registered(jobs) {
        for (const job of jobs) period.set({ job_name: job.name }, job.everyMs / 1000);
      },
      ran(job, { ok, lagMs, finishedAt }) {
        runs.inc({ job_name: job.name });
        failures.inc({ job_name: job.name }, 0);
        period.set({ job_name: job.name }, job.everyMs / 1000);
        lag.set({ job_name: job.name }, Math.max(0, lagMs) / 1000);
        if (ok) lastSuccess.set({ job_name: job.name }, finishedAt.getTime() / 1000);
        else failures.inc({ job_name: job.name });
      },
    },
    observeRequest(route, method, status, seconds) {
      http.observe({ route, method, status_code: String(status) }, seconds);
    },
    observeWebhook(outcome, durationMs) {
      webhookAttempts.inc({ outcome });
      webhookSeconds.observe(durationMs / 1000);
    },
  };
}
