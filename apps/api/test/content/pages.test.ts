import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditLog, contentVersions } from '../../src/db/schema/index.js';
import { ensureContent } from '../../src/seed/content.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

const SLUGS = [
  'about-the-program',
  'becoming-a-mentor-or-mentee',
  'roles-and-responsibilities',
  'creating-a-successful-partnership',
];
const versions = (slug: string) =>
  ctx.app.db.select({ n: count() }).from(contentVersions).where(eq(contentVersions.pageSlug, slug));

describe('R-CONTENT-1 public pages', () => {
  it('R-CONTENT-1: lists the four pages of the program to a visitor who is not signed in', async () => {
    const res = await ctx.app.inject('/api/v1/content');
    expect(res.statusCode).toBe(200);
    expect(res.json().map((p: { slug: string }) => p.slug)).toEqual(SLUGS);
  });

  it("R-CONTENT-1/2: the responsibilities page lists the mentor's 8 and the mentee's 9 responsibilities", async () => {
    for (const [id, n] of [
      ['mentor-responsibilities', 8],
      ['mentee-responsibilities', 9],
    ] as const) {
      const res = await ctx.app.inject(`/api/v1/content/roles-and-responsibilities/sections/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toHaveLength(n);
    }
  });

  it('R-CONTENT-1: the pages keep the substance of the program website', async () => {
    const text = async (slug: string) =>
      (await ctx.app.inject(`/api/v1/content/${slug}`)).json().markdown as string;
    expect(await text('about-the-program')).toMatch(/Senior-to-Junior[\s\S]*Peer-to-Peer[\s\S]*three months/);
    expect(await text('creating-a-successful-partnership')).toMatch(
      /Confidentiality[\s\S]*No-fault termination/,
    );
  });

  it('R-CONTENT-1: seeding again at start-up adds nothing', async () => {
    const before = (await ctx.app.db.select({ n: count() }).from(contentVersions))[0]!.n;
    await ensureContent(ctx.app.db);
    expect((await ctx.app.db.select({ n: count() }).from(contentVersions))[0]!.n).toBe(before);
  });

  it('R-CONTENT-1: an unknown page is a problem+json 404', async () => {
    const res = await ctx.app.inject('/api/v1/content/no-such-page');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('R-CONTENT-1 editing by the program manager', () => {
  it('R-CONTENT-1: an edit creates a new version; a draft is not shown, publishing shows it; history keeps both', async () => {
    const pm = await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] });
    const before = (await ctx.app.inject('/api/v1/content/about-the-program')).json();
    const draft = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/content/about-the-program/versions',
      headers: pm.auth,
      payload: {
        title: 'About the program',
        markdown: '# New text\n\nDraft.',
        note: 'rewrite',
        publish: false,
      },
    });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ version: before.version + 1, publishedAt: null });
    expect((await ctx.app.inject('/api/v1/content/about-the-program')).json().version).toBe(before.version);

    const published = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/content/about-the-program/versions/${before.version + 1}/publish`,
      headers: pm.auth,
    });
    expect(published.statusCode).toBe(200);
    const now = (await ctx.app.inject('/api/v1/content/about-the-program')).json();
    expect(now).toMatchObject({ version: before.version + 1, markdown: '# New text\n\nDraft.' });

    const history = (
      await ctx.app.inject({ url: '/api/v1/content/about-the-program/versions', headers: pm.auth })
    ).json();
    expect(history.currentVersion).toBe(before.version + 1);
    expect(history.items.map((v: { version: number }) => v.version)).toEqual([
      before.version + 1,
      before.version,
    ]);
    const old = await ctx.app.inject({
      url: `/api/v1/content/about-the-program/versions/${before.version}`,
      headers: pm.auth,
    });
    expect(old.json().markdown).toBe(before.markdown);
    const audited = await ctx.app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, 'about-the-program'));
    expect(audited.map((a) => a.action)).toEqual(['content.draft', 'content.publish']);
  });

  it('R-CONTENT-1: publishing a draft older than the published version is refused', async () => {
    const pm = await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] });
    const url = '/api/v1/content/creating-a-successful-partnership';
    const current = (await ctx.app.inject(url)).json();
    const save = (publish: boolean) =>
      ctx.app.inject({
        method: 'POST',
        url: `${url}/versions`,
        headers: pm.auth,
        payload: { title: current.title, markdown: current.markdown, publish },
      });
    const draft = (await save(false)).json();
    expect((await save(true)).statusCode).toBe(201);
    const late = await ctx.app.inject({
      method: 'POST',
      url: `${url}/versions/${draft.version}/publish`,
      headers: pm.auth,
    });
    expect(late.statusCode).toBe(409);
    expect((await ctx.app.inject(url)).json().version).toBe(draft.version + 1);
  });

  it('R-CONTENT-1: someone who is not the program manager cannot edit, and nothing changes', async () => {
    const coordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    const [before] = await versions('roles-and-responsibilities');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/content/roles-and-responsibilities/versions',
      headers: coordinator.auth,
      payload: { title: 'x', markdown: 'x', publish: true },
    });
    expect(res.statusCode).toBe(403);
    expect(
      (
        await ctx.app.inject({
          url: '/api/v1/content/roles-and-responsibilities/versions',
          headers: coordinator.auth,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/content/roles-and-responsibilities/versions',
          payload: { title: 'x', markdown: 'x', publish: true },
        })
      ).statusCode,
    ).toBe(401);
    expect(await versions('roles-and-responsibilities')).toEqual([before]);
  });
});

describe('R-CONTENT-3 guidance', () => {
  it('R-CONTENT-3: gives the reflection prompts, the questions for a prospective mentor and the agreement topics', async () => {
    const res = await ctx.app.inject('/api/v1/guidance');
    expect(res.statusCode).toBe(200);
    const g = res.json();
    expect(g.reflectionPrompts.items).toHaveLength(3);
    expect(g.questionsForProspectiveMentor.items).toHaveLength(8);
    const topics = g.agreementTopics.items.join(' ');
    for (const topic of [
      'Meeting frequency',
      'Access',
      'Confidentiality',
      'Boundaries',
      'No-fault termination',
    ])
      expect(topics).toContain(topic);
  });

  it('R-CONTENT-3: refuses to publish a page that drops a section other screens show, and nothing changes', async () => {
    const pm = await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] });
    const [before] = await versions('becoming-a-mentor-or-mentee');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/content/becoming-a-mentor-or-mentee/versions',
      headers: pm.auth,
      payload: {
        title: 'Become a mentor or mentee',
        markdown: '## Reflecting on your goals\n\n- think\n',
        publish: true,
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().rule).toBe('R-CONTENT-3');
    expect(await versions('becoming-a-mentor-or-mentee')).toEqual([before]);
  });
});
