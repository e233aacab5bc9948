import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Rate-limit counters shared by every API process on one PostgreSQL, so a limit holds across replicas
// (decision 0010). One row per (route, client key) window; expired rows are pruned by a daily job.
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_counters_reset_idx').on(t.resetAt)],
);
