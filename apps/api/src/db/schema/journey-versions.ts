import { bigint, pgTable, smallint } from 'drizzle-orm/pg-core';

/**
 * R-MATCH-1 cache key (decision 0251): a change counter for the data the mentor index is built from, bumped by
 * triggers (drizzle/0004_mentor-data-version.sql) in the same transaction as the change. Split into 64 rows by
 * mentor so concurrent confirmations for different mentors rarely wait on one counter; the version is the sum.
 */
export const mentorDataVersions = pgTable('mentor_data_versions', {
  shard: smallint('shard').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
