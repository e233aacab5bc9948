import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { contentPages, contentVersions } from '../db/schema/index.js';
import { aboutTheProgram } from './content/about-the-program.js';
import { becomingAMentorOrMentee } from './content/becoming-a-mentor-or-mentee.js';
import { creatingASuccessfulPartnership } from './content/creating-a-successful-partnership.js';
import { rolesAndResponsibilities } from './content/roles-and-responsibilities.js';

/** R-CONTENT-1: the program's pages as first published, rewritten from the program's website (seeds 000–004). */
export const SEED_PAGES = [
  { slug: 'about-the-program', title: 'About the program', markdown: aboutTheProgram },
  {
    slug: 'becoming-a-mentor-or-mentee',
    title: 'Become a mentor or mentee',
    markdown: becomingAMentorOrMentee,
  },
  {
    slug: 'roles-and-responsibilities',
    title: 'Roles and responsibilities',
    markdown: rolesAndResponsibilities,
  },
  {
    slug: 'creating-a-successful-partnership',
    title: 'Creating a successful partnership',
    markdown: creatingASuccessfulPartnership,
  },
];

/**
 * Every database has the pages (idempotent, safe when several instances start at once): a page gets version 1 only
 * when it has none, so the program manager's later versions are never touched.
 */
export async function ensureContent(db: Db) {
  await db
    .insert(contentPages)
    .values(SEED_PAGES.map((p, position) => ({ slug: p.slug, title: p.title, position })))
    .onConflictDoNothing();
  await db
    .insert(contentVersions)
    .values(
      SEED_PAGES.map((p) => ({
        pageSlug: p.slug,
        version: 1,
        title: p.title,
        markdown: p.markdown,
        note: 'First version, from the program website',
        publishedAt: sql`now()`,
      })),
    )
    .onConflictDoNothing();
}
