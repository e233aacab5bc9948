import { and, asc, desc, eq, isNotNull, max } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { contentPages, contentVersions, employees } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { audit, type AuditContext } from '../platform/audit.js';
import { findSection } from './markdown-sections.js';

type VersionRow = typeof contentVersions.$inferSelect;

/** R-CONTENT-3: where each guidance snippet lives. Publishing a page without one of its sections is refused. */
export const GUIDANCE = {
  reflectionPrompts: { slug: 'becoming-a-mentor-or-mentee', section: 'reflecting-on-your-goals' },
  questionsForProspectiveMentor: {
    slug: 'becoming-a-mentor-or-mentee',
    section: 'questions-to-ask-a-prospective-mentor',
  },
  agreementTopics: {
    slug: 'creating-a-successful-partnership',
    section: 'topics-for-your-mentoring-agreement',
  },
} as const;
export const RESPONSIBILITIES_SLUG = 'roles-and-responsibilities';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const summary = (v: VersionRow, authorName: string | null) => ({
  version: v.version,
  title: v.title,
  note: v.note,
  authorName,
  createdAt: v.createdAt.toISOString(),
  publishedAt: iso(v.publishedAt),
});

async function current(tx: Tx, slug: string) {
  const [row] = await tx
    .select()
    .from(contentVersions)
    .where(and(eq(contentVersions.pageSlug, slug), isNotNull(contentVersions.publishedAt)))
    .orderBy(desc(contentVersions.version))
    .limit(1);
  return row;
}

export async function listPages(db: Db) {
  const pages = await db.select().from(contentPages).orderBy(asc(contentPages.position));
  const out = [];
  for (const page of pages) {
    const v = await current(db, page.slug);
    if (v)
      out.push({ slug: page.slug, title: v.title, version: v.version, publishedAt: iso(v.publishedAt)! });
  }
  return out;
}

/** R-CONTENT-1: what a visitor reads, the highest-numbered published version. */
export async function publishedPage(db: Tx, slug: string) {
  const v = await current(db, slug);
  if (!v) throw problems.notFound('That page');
  return { slug, title: v.title, version: v.version, markdown: v.markdown, publishedAt: iso(v.publishedAt)! };
}

/** R-CONTENT-2: names the responsibilities text an applicant sees now, e.g. "roles-and-responsibilities@v3". */
export async function currentResponsibilitiesVersion(tx: Tx) {
  return `${RESPONSIBILITIES_SLUG}@v${(await publishedPage(tx, RESPONSIBILITIES_SLUG)).version}`;
}

export async function publishedSection(db: Db, slug: string, id: string) {
  const page = await publishedPage(db, slug);
  const section = findSection(page.markdown, id);
  if (!section) throw problems.notFound(`The section "${id}" of ${page.title}`);
  return { slug, version: page.version, ...section };
}

export async function guidance(db: Db) {
  const entries = await Promise.all(
    Object.entries(GUIDANCE).map(
      async ([key, g]) => [key, await publishedSection(db, g.slug, g.section)] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<
    keyof typeof GUIDANCE,
    Awaited<ReturnType<typeof publishedSection>>
  >;
}

async function lockPage(tx: Tx, slug: string) {
  const [page] = await tx.select().from(contentPages).where(eq(contentPages.slug, slug)).for('update');
  if (!page) throw problems.notFound('That page');
  return page;
}

function assertGuidanceKept(slug: string, markdown: string) {
  const missing = Object.values(GUIDANCE).filter((g) => g.slug === slug && !findSection(markdown, g.section));
  if (missing.length > 0)
    throw problems.rule(
      'R-CONTENT-3',
      `Other screens show parts of this page. Keep the heading${missing.length > 1 ? 's' : ''} ${missing.map((g) => `"${g.section.replace(/-/g, ' ')}"`).join(', ')} before publishing.`,
      422,
    );
}

export async function listVersions(db: Db, slug: string) {
  const rows = await db
    .select({ v: contentVersions, first: employees.firstName, last: employees.lastName })
    .from(contentVersions)
    .leftJoin(employees, eq(employees.id, contentVersions.authorId))
    .where(eq(contentVersions.pageSlug, slug))
    .orderBy(desc(contentVersions.version));
  if (rows.length === 0) throw problems.notFound('That page');
  const published = rows.find((r) => r.v.publishedAt)?.v.version ?? null;
  return {
    slug,
    currentVersion: published,
    items: rows.map((r) => summary(r.v, r.first ? `${r.first} ${r.last}` : null)),
  };
}

export async function getVersion(db: Db, slug: string, version: number) {
  const [row] = await db
    .select()
    .from(contentVersions)
    .where(and(eq(contentVersions.pageSlug, slug), eq(contentVersions.version, version)));
  if (!row) throw problems.notFound(`Version ${version} of that page`);
  return { ...summary(row, null), slug, markdown: row.markdown };
}

export type NewVersion = { title: string; markdown: string; note?: string | undefined; publish: boolean };

/** R-CONTENT-1: every edit is a new version (a draft, or published at once); nothing is overwritten. */
export async function createVersion(
  db: Db,
  actor: UserActor,
  slug: string,
  input: NewVersion,
  ctx: AuditContext,
) {
  if (input.publish) assertGuidanceKept(slug, input.markdown);
  return db.transaction(async (tx) => {
    await lockPage(tx, slug);
    const [{ latest } = { latest: 0 }] = await tx
      .select({ latest: max(contentVersions.version) })
      .from(contentVersions)
      .where(eq(contentVersions.pageSlug, slug));
    const [row] = await tx
      .insert(contentVersions)
      .values({
        pageSlug: slug,
        version: (latest ?? 0) + 1,
        title: input.title,
        markdown: input.markdown,
        note: input.note ?? null,
        authorId: actor.employeeId,
        publishedAt: input.publish ? new Date() : null,
      })
      .returning();
    await audit(tx, ctx, {
      action: input.publish ? 'content.publish' : 'content.draft',
      objectType: 'content_page',
      objectId: slug,
      detail: { version: row!.version },
    });
    return { ...summary(row!, actor.name), slug, markdown: row!.markdown };
  });
}

/** Publishes a draft. Only a draft newer than the published version: to bring back old text, save it as a new version. */
export async function publishVersion(db: Db, slug: string, version: number, ctx: AuditContext) {
  return db.transaction(async (tx) => {
    await lockPage(tx, slug);
    const [row] = await tx
      .select()
      .from(contentVersions)
      .where(and(eq(contentVersions.pageSlug, slug), eq(contentVersions.version, version)));
    if (!row) throw problems.notFound(`Version ${version} of that page`);
    if (row.publishedAt) throw problems.conflict(`Version ${version} is already published.`);
    const live = await current(tx, slug);
    if (live && live.version > version)
      throw problems.conflict(
        `Version ${live.version} is already published and is newer. Save this text as a new version to publish it.`,
      );
    assertGuidanceKept(slug, row.markdown);
    const [published] = await tx
      .update(contentVersions)
      .set({ publishedAt: new Date() })
      .where(eq(contentVersions.id, row.id))
      .returning();
    await audit(tx, ctx, {
      action: 'content.publish',
      objectType: 'content_page',
      objectId: slug,
      detail: { version },
    });
    return { ...summary(published!, null), slug, markdown: published!.markdown };
  });
}
