import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeEmployee } from '../helpers/factories.js';
import { makeSystemClient, settleChangeFeeds } from './helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

type Page = { items: Array<{ id: string; op: string }>; next: string | null; resume: string };

/** Reads a feed to its end from a cursor, as a consumer would, and returns the ids seen and where to resume. */
async function drain(auth: Record<string, string>, feed: string, cursor?: string, settle = true) {
  if (settle) await settleChangeFeeds(ctx.app);
  const seen: string[] = [];
  let url: string | null = `/api/v1/changes/${feed}?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
  let resume = cursor;
  while (url) {
    const res: { statusCode: number; body: string; json<T>(): T } = await ctx.app.inject({
      method: 'GET',
      url,
      headers: auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    const page: Page = res.json<Page>();
    seen.push(...page.items.map((c) => c.id));
    resume = page.resume;
    url = page.next;
  }
  return { seen, resume };
}

describe('R-API-5: change feeds', () => {
  it('R-API-5: a consumer resumes where it stopped and sees each change once, in order', async () => {
    const client = await makeSystemClient(ctx.app, ['directory:read', 'reports:read']);
    const auth = await client.token();
    const start = await drain(auth, 'employees');
    const a = await makeEmployee(ctx.app);
    const b = await makeEmployee(ctx.app);
    const c = await makeEmployee(ctx.app);
    const first = await drain(auth, 'employees', start.resume);
    expect(first.seen).toEqual([a.id, b.id, c.id]);
    const again = await drain(auth, 'employees', first.resume);
    expect(again.seen).toEqual([]);
    expect(again.resume).toBe(first.resume);
  });

  it('R-API-5: each feed needs its scope (directory:read for employees, reports:read for the program records)', async () => {
    const reports = await makeSystemClient(ctx.app, ['reports:read'], 'Warehouse');
    const auth = await reports.token();
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/v1/changes/employees', headers: auth })).statusCode,
    ).toBe(403);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/v1/changes/relationships', headers: auth }))
        .statusCode,
    ).toBe(200);
  });

  // Two connections at once: PGlite has one, so this runs in the PostgreSQL pass.
  if (process.env.DB_KIND === 'postgres')
    it('R-API-5: with two concurrent writers, a change that commits late is held back, never skipped', async () => {
      const client = await makeSystemClient(ctx.app, ['directory:read'], 'HR reconciliation');
      const auth = await client.token();
      const { resume } = await drain(auth, 'employees');
      const [early, late] = [
        new pg.Client({ connectionString: ctx.url }),
        new pg.Client({ connectionString: ctx.url }),
      ];
      await Promise.all([early.connect(), late.connect()]);
      try {
        const insert = (c: pg.Client, id: string) =>
          c.query(
            `insert into employees (id, first_name, last_name, email, opdiv, pay_plan, grade, grade_rank, occupation_series,
               occupation_title, city, state, time_zone) values ($1, 'Con', 'Current', $2, 'CDC', 'GS', '12', 12, '0343',
               'Analyst', 'Atlanta', 'GA', 'America/New_York')`,
            [id, `${id.toLowerCase()}@test.hhs.gov`],
          );
        // The slow writer starts first (older transaction, lower sequence) and commits last.
        await early.query('begin');
        await insert(early, 'CONC-EARLY');
        await late.query('begin');
        await insert(late, 'CONC-LATE');
        await late.query('commit');

        // Not settled: the early writer's transaction is open on purpose.
        const during = await drain(auth, 'employees', resume, false);
        expect(during.seen).toEqual([]); // CONC-LATE waits behind the open transaction
        await early.query('commit');
        const after = await drain(auth, 'employees', during.resume);
        expect(after.seen).toEqual(['CONC-EARLY', 'CONC-LATE']);
      } finally {
        await Promise.all([early.end(), late.end()]);
      }
    });
});
