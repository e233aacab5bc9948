import { integer, bigint, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

// R-NOTE-2: one row per scheduled job and time slot. The primary key makes "run once per slot across every API
// process" a single INSERT … ON CONFLICT on either database (docs/decisions/0301-scheduled-jobs.md).
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    /** floor(slot start in ms / the job's interval). */
    slot: bigint('slot', { mode: 'number' }).notNull(),
    attempts: integer('attempts').notNull().default(1),
    /** Another process may take the slot over once this passes without finishedAt (the claimer died). */
    lockedUntil: timestamp('locked_until', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    error: text('error'),
    /** What the job reported, e.g. "3 invitations expired". */
    result: text('result'),
  },
  (t) => [primaryKey({ columns: [t.job, t.slot] })],
);
