import { bigint, bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The change feeds' kinds (R-API-5): one row per change, written by triggers (migration `change-log-triggers`). */
export const CHANGE_FEEDS = [
  'employees',
  'applications',
  'invitations',
  'relationships',
  'milestones',
  'training-attendance',
] as const;
export type ChangeFeed = (typeof CHANGE_FEEDS)[number];

// R-API-5 (decision 0901): `txid` is the writing transaction's id (pg_current_xact_id). A reader serves only rows of
// transactions older than its snapshot's xmin, which have all ended, in (txid, seq) order: a late commit can never
// land behind a consumer's cursor.
export const changeLog = pgTable(
  'change_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    txid: bigint('txid', { mode: 'number' }).notNull(),
    feed: text('feed').notNull(),
    entityId: text('entity_id').notNull(),
    op: text('op').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('change_log_feed_position_idx').on(t.feed, t.txid, t.seq)],
);
