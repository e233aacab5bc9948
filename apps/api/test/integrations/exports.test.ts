import { request as httpRequest } from 'node:http';
import { DEFAULT_SETTINGS } from '@hhs-mentoring/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { exportsRunning, openRowCursor } from '../../src/db/export-cursor.js';
import { completionSurveys, programSettings } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeSystemClient } from './helpers.js';
import { makeRelationship, mentee, mentor, staff } from '../helpers/people.js';
import { makeEmployee } from '../helpers/factories.js';
import { daysAgo } from '../coordination/helpers.js';

let ctx: TestContext;
let warehouse: Record<string, string>;
let hrOnly: Record<string, string>;
const u: Record<string, Awaited<ReturnType<typeof mentee>>> = {};
const rel: Record<string, string> = {};
const BULK = 20_000;

/** A moment in the quarter before this one (closed), and one in this quarter (still open). */
const now = new Date();
const quarterStart = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
const lastQuarter = new Date(quarterStart.getTime() - 20 * 86_400_000);
const lastQuarterStart = new Date(
  Date.UTC(lastQuarter.getUTCFullYear(), Math.floor(lastQuarter.getUTCMonth() / 3) * 3, 1),
);
const day = (d: Date) => d.toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await makeTestApp();
  const app = ctx.app;
  await app.db
    .insert(programSettings)
    .values({ id: 1, value: { ...DEFAULT_SETTINGS, reportMinGroupSize: 3 } });
  warehouse = await (await makeSystemClient(app, ['reports:read'], 'Reporting warehouse')).token();
  hrOnly = await (await makeSystemClient(app, ['directory:write'], 'HR feed')).token();
  u.cdc = await staff.coordinator(app, 'CDC');
  u.participant = await mentee(app, { opdiv: 'OS' });
  // Survey groups of the closed quarter: FDA mentees 4, CDC mentees 3, NIH mentees 1, CDC mentor 1.
  const groups: [string, number][] = [
    ['FDA', 4],
    ['CDC', 3],
    ['NIH', 1],
  ];
  for (const [opdiv, n] of groups) {
    const m = await mentor(app, { opdiv: opdiv, capacity: 5 });
    for (let i = 0; i < n; i++) {
      const me = await mentee(app, { opdiv: opdiv });
      const r = await makeRelationship(app, me.employee.id, m.employee.id, {
        state: i === 0 ? 'completed' : 'active',
        confirmedAt: daysAgo(400),
        orientationAt: daysAgo(390),
        agreementAt: daysAgo(380),
        ...(i === 0 ? { endedAt: daysAgo(30) } : {}),
      });
      rel[`${opdiv}${i}`] = r.id;
      u[`${opdiv}${i}`] = me;
      await app.db.insert(completionSurveys).values({
        relationshipId: r.id,
        role: 'mentee',
        authorId: me.employee.id,
        programObjectives: 2 + i,
        relationship: i === 0 ? null : 4,
        comments: 'My mentor Jane helped me',
        wouldRecommend: 9,
        submittedAt: lastQuarter,
      });
    }
    if (opdiv === 'CDC')
      await app.db.insert(completionSurveys).values({
        relationshipId: rel.CDC0!,
        role: 'mentor',
        authorId: m.employee.id,
        programObjectives: 1,
        submittedAt: lastQuarter,
      });
  }
  // This quarter's answers: a big group, but its quarter is still open.
  const m = await mentor(app, { opdiv: 'IHS', capacity: 5 });
  for (let i = 0; i < 4; i++) {
    const me = await mentee(app, { opdiv: 'IHS' });
    const r = await makeRelationship(app, me.employee.id, m.employee.id, { confirmedAt: daysAgo(400) });
    await app.db.insert(completionSurveys).values({
      relationshipId: r.id,
      role: 'mentee',
      authorId: me.employee.id,
      programObjectives: 5,
      submittedAt: new Date(),
    });
  }
  // Attendance in bulk (one learner, many courses), one event titled like a spreadsheet formula.
  const learner = await makeEmployee(app, { opdiv: 'CDC' });
  await app.db.execute(sql`insert into training_events (kind, title, created_by, lms_course_id)
    select 'online_course', case when g = 1 then '=HYPERLINK("http://x")' else 'Course ' || g end, 'test', 'C' || g
    from generate_series(1, ${BULK}) g`);
  await app.db.execute(sql`insert into training_attendance (event_id, employee_id, attended_at, source)
    select id, ${learner.id}, now(), 'lms' from training_events`);
}, 120_000);
afterAll(() => ctx?.close());

const get = (url: string, headers: Record<string, string> = warehouse) =>
  ctx.app.inject({ method: 'GET', url, headers });
const lines = (body: string) =>
  body
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

async function fetchAll() {
  await ctx.app.listen({ port: 0, host: '127.0.0.1' }).catch(() => undefined);
  const { port } = ctx.app.server.address() as { port: number };
  return (
    await fetch(`http://127.0.0.1:${port}/api/v1/exports/training-attendance`, { headers: warehouse })
  ).text();
}

describe('record exports (R-EXP-1..4)', () => {
  it('R-EXP-1: participants as NDJSON, one line per application keyed like the change feed, without names or contact details', async () => {
    const res = await get('/api/v1/exports/participants');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const rows = lines(res.body);
    const cdcMentee = rows.find((r) => r.employeeId === u.CDC0!.employee.id)!;
    expect(cdcMentee).toMatchObject({ id: `mentee:${u.CDC0!.employee.id}`, role: 'mentee', opdiv: 'CDC' });
    expect(rows.filter((r) => r.role === 'mentor').length).toBe(4);
    expect(res.body).not.toContain(u.CDC0!.employee.email);
    expect(res.body).not.toContain(u.CDC0!.employee.lastName);
  });

  it('R-EXP-1: relationships with milestones and outcome; `ids` narrows to the records a change feed named', async () => {
    const res = await get(`/api/v1/exports/relationships?ids=${rel.FDA0},${rel.FDA1}`);
    const rows = lines(res.body);
    expect(rows.map((r) => r.id).sort()).toEqual([rel.FDA0, rel.FDA1].sort());
    const done = rows.find((r) => r.id === rel.FDA0)!;
    expect(done).toMatchObject({ state: 'completed', outcome: 'completed', menteeOpdiv: 'FDA' });
    expect(typeof done.orientationAt).toBe('string');
    expect(typeof done.agreementCompletedAt).toBe('string');
    expect(done.idpCompletedAt).toBeNull();
    expect(rows.find((r) => r.id === rel.FDA1)!.outcome).toBeNull();
  });

  it('R-EXP-2: CSV by the Accept header: a header row of keys, RFC 4180 quoting, a formula defused', async () => {
    const res = await get('/api/v1/exports/training-attendance', { ...warehouse, accept: 'text/csv' });
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = res.body.split('\r\n').filter(Boolean);
    expect(rows[0]).toBe(
      'id,employeeId,opdiv,eventId,eventKind,eventTitle,competencyCode,lmsCourseId,attendedAt,source',
    );
    expect(rows.length).toBe(BULK + 1);
    expect(res.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(
      (await get('/api/v1/exports/training-attendance?format=ndjson', { ...warehouse, accept: 'text/csv' }))
        .headers['content-type'],
    ).toContain('ndjson');
  });

  it('R-EXP-2: an export longer than many batches has every record exactly once, in the same order each time', async () => {
    const ids = lines((await get('/api/v1/exports/training-attendance')).body).map((r) => r.id);
    expect(ids.length).toBe(BULK);
    const t = performance.now();
    await fetchAll();
    console.info('export over HTTP', BULK, 'rows', Math.round(performance.now() - t), 'ms');
    expect(new Set(ids).size).toBe(BULK);
    const again = lines((await get('/api/v1/exports/training-attendance')).body).map((r) => r.id);
    expect(again).toEqual(ids);
  });

  it('R-EXP-2: rows are fetched only as fast as the client reads, and a client that leaves ends the query', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' }).catch(() => undefined); // listening already
    const { port } = ctx.app.server.address() as { port: number };
    const req = httpRequest({
      port,
      host: '127.0.0.1',
      path: '/api/v1/exports/training-attendance',
      headers: warehouse,
    });
    const response = await new Promise<import('node:http').IncomingMessage>((resolve) => {
      req.on('response', resolve);
      req.end();
    });
    expect(response.statusCode).toBe(200);
    await new Promise((resolve) => response.once('data', resolve));
    response.pause();
    await new Promise((resolve) => setTimeout(resolve, 400));
    // The client reads nothing: the export waits (it would be over by now if it did not).
    expect(exportsRunning()).toBe(1);
    req.destroy();
    for (let i = 0; i < 100 && exportsRunning() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(exportsRunning()).toBe(0);
    if (ctx.database.kind === 'postgres') {
      const open = await queryRows<{ n: number }>(
        ctx.app.db,
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and query ilike '%export_cursor%'
            and state <> 'idle' and pid <> pg_backend_pid()`,
      );
      expect(open[0]!.n).toBe(0);
    }
  });

  it('R-EXP-3: survey answers keep R-ADMIN-2 suppression: a small group, and the next smallest that would give it away, are left out', async () => {
    const res = await get(`/api/v1/exports/survey-answers?from=${day(lastQuarterStart)}`);
    const rows = lines(res.body);
    // NIH (1) is too small; CDC (3) would let "department minus FDA" reveal it, so it goes too; mentors (1) too.
    expect(rows.map((r) => r.menteeOpdiv)).toEqual(['FDA', 'FDA', 'FDA', 'FDA']);
    expect(rows.every((r) => r.role === 'mentee')).toBe(true);
    expect(rows.map((r) => r.programObjectives).sort()).toEqual([2, 3, 4, 5]);
    // Three FDA answers to "relationship" (the first left it empty) would be shown, but CDC's two are hidden and
    // "department minus FDA" would give them away: the FDA cell goes too, as in the evaluation report.
    expect(rows.every((r) => r.relationship === null && r.hiddenAreas === 'relationship')).toBe(true);
    expect(res.body).not.toMatch(/comments|Jane|relationshipId|submitted/);
    expect(Object.keys(rows[0]!)).not.toContain('export_key');
  });

  it('R-EXP-3: the cells the survey export shows are exactly the ones the evaluation report shows for that quarter', async () => {
    const lastDay = new Date(quarterStart.getTime() - 86_400_000);
    const report = (
      await get(`/api/v1/reports/evaluation?from=${day(lastQuarterStart)}&to=${day(lastDay)}`)
    ).json<{ rows: { opdiv: string; role: string; area: string; suppressed: boolean }[] }>().rows;
    const reportShown = report
      .filter((r) => r.opdiv !== 'ALL' && !r.suppressed)
      .map((r) => `${r.opdiv}/${r.role}/${r.area}`)
      .sort();
    const camel: Record<string, string> = {
      program_objectives: 'programObjectives',
      relationship: 'relationship',
      would_recommend: 'wouldRecommend',
      selection_matching: 'selectionMatching',
      training: 'training',
      program_support: 'programSupport',
    };
    const rows = lines(
      (await get(`/api/v1/exports/survey-answers?from=${day(lastQuarterStart)}&to=${day(lastDay)}`)).body,
    );
    const exportShown = [
      ...new Set(
        rows.flatMap((r) =>
          Object.entries(camel)
            .filter(([, c]) => r[c] !== null)
            .map(([area]) => `${r.menteeOpdiv}/${r.role}/${area}`),
        ),
      ),
    ].sort();
    expect(exportShown).toEqual(reportShown);
    expect(reportShown.length).toBeGreaterThan(0);
  });

  it('R-EXP-3: a quarter that has not ended is not exported (its groups still grow), and ids cannot pick out a survey', async () => {
    const rows = lines((await get('/api/v1/exports/survey-answers')).body);
    expect(rows.some((r) => r.menteeOpdiv === 'IHS')).toBe(false);
    const empty = await get('/api/v1/exports/survey-answers?format=csv&from=2000-01-01&to=2000-06-30');
    expect(empty.body).toBe(
      'quarter,menteeOpdiv,role,programObjectives,selectionMatching,relationship,training,programSupport,wouldRecommend,hiddenAreas\r\n',
    );
    const res = await get(`/api/v1/exports/survey-answers?ids=${rel.FDA0}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('R-EXP-1, R-ROLE-2: a coordinator exports their OPDIVs only; people and systems without reports:read are refused', async () => {
    const rows = lines((await get('/api/v1/exports/relationships', u.cdc!.auth)).body);
    expect(rows.length).toBe(3);
    expect(rows.every((r) => r.menteeOpdiv === 'CDC' || r.mentorOpdiv === 'CDC')).toBe(true);
    expect((await get('/api/v1/exports/relationships?opdiv=NIH', u.cdc!.auth)).statusCode).toBe(403);
    expect((await get('/api/v1/exports/relationships', u.participant!.auth)).statusCode).toBe(403);
    expect((await get('/api/v1/exports/relationships', hrOnly)).statusCode).toBe(403);
    expect((await get('/api/v1/exports/relationships', {})).statusCode).toBe(401);
    const nih = lines((await get('/api/v1/exports/participants?opdiv=NIH')).body);
    expect(nih.every((r) => r.opdiv === 'NIH')).toBe(true);
  });

  it('R-EXP-2: bad input of any shape is a 400 problem and starts no export', async () => {
    for (const url of [
      '/api/v1/exports/everything',
      '/api/v1/exports/relationships?format=xml',
      `/api/v1/exports/relationships?ids=${'a,'.repeat(101)}a`,
      '/api/v1/exports/relationships?ids=,',
      '/api/v1/exports/survey-answers?from=2026-13-01',
      '/api/v1/exports/survey-answers?from=2026-06-01&to=2026-01-01',
      '/api/v1/exports/relationships?surprise=1',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(exportsRunning()).toBe(0);
  });

  it('R-EXP-4: past two exports at once on one server, another is refused with 429 and Retry-After', async () => {
    const held = [
      await openRowCursor(ctx.database, sql`select 'a' as export_key`),
      await openRowCursor(ctx.database, sql`select 'b' as export_key`),
    ];
    try {
      const res = await get('/api/v1/exports/participants');
      expect(res.statusCode).toBe(429);
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.json<{ detail: string }>().detail).toContain('R-EXP-4');
    } finally {
      for (const c of held) await c.close();
    }
    expect((await get('/api/v1/exports/participants')).statusCode).toBe(200);
  });
});
