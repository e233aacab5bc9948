import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { employees } from './directory.js';

// R-CONTENT-1: the program's own pages. Every edit is a new version; nothing is overwritten, so the history
// and the exact text an applicant acknowledged (R-CONTENT-2) stay readable.
export const contentPages = pgTable('content_pages', {
  slug: text('slug').primaryKey(),
  title: text('title').notNull(),
  position: integer('position').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const contentVersions = pgTable(
  'content_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageSlug: text('page_slug')
      .notNull()
      .references(() => contentPages.slug),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    markdown: text('markdown').notNull(),
    /** Null for the text seeded at start-up. */
    authorId: text('author_id').references(() => employees.id),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null while a draft. The page shows its highest-numbered published version. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('content_versions_page_version_uq').on(t.pageSlug, t.version),
    index('content_versions_published_idx')
      .on(t.pageSlug, t.version)
      .where(sql`${t.publishedAt} is not null`),
    check('content_versions_version_ck', sql`${t.version} >= 1`),
  ],
);
