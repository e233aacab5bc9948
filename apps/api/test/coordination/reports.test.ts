import { DEFAULT_SETTINGS } from '@hhs-mentoring/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completionSurveys, opdivs, programSettings } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeSystemClient } from '../integrations/helpers.js';
import { makeRelationship, mentee, mentor, staff } from '../helpers/people.js';
import { daysAgo } from './helpers.js';

let ctx: TestContext;
const u: Record<string, Awaited<ReturnType<typeof mentee>>> = {};
const QUIRKY = 'Office of "Quirky", Tests\nand More';
const day = (n: number) => daysAgo(n).toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await makeTestApp();
  const app = ctx.app;
  await app.db
    .insert(programSettings)
    .values({ id: 1, value: { ...DEFAULT_SETTINGS, reportMinGroupSize: 3 } });
  await app.db.insert(opdivs).values({ code: 'QX', name: QUIRKY, kind: 'STAFFDIV' });
  u.cdc = await staff.coordinator(app, 'CDC');
  u.pm = await staff.programManager(app);
  u.mentor = await mentor(app, { opdiv: 'CDC', capacity: 5 });
  u.m1 = await mentee(app, { opdiv: 'CDC', appliedAt: daysAgo(30) });
  u.m2 = await mentee(app, { opdiv: 'CDC', appliedAt: daysAgo(50) });
  u.m3 = await mentee(app, { opdiv: 'CDC', appliedAt: daysAgo(20) });
  u.m4 = await mentee(app, { opdiv: 'CDC', appliedAt: daysAgo(300) });
  u.m5 = await mentee(app, { opdiv: 'CDC', appliedAt: daysAgo(300) });
  u.quirky = await mentee(app, { opdiv: 'QX', appliedAt: daysAgo(5) });
  u.nihMentee = await mentee(app, { opdiv: 'NIH', appliedAt: daysAgo(30) });
  u.nihMentor = await mentor(app, { opdiv: 'NIH' });
  const r1 = await makeRelationship(app, u.m1!.employee.id, u.mentor!.employee.id, {
    confirmedAt: daysAgo(10),
  });
  const r2 = await makeRelationship(app, u.m2!.employee.id, u.mentor!.employee.id, {
    confirmedAt: daysAgo(10),
  });
  const r4 = await makeRelationship(app, u.m4!.employee.id, u.mentor!.employee.id, {
    confirmedAt: daysAgo(200),
    state: 'terminated',
    endedAt: daysAgo(100),
  });
  await makeRelationship(app, u.m5!.employee.id, u.mentor!.employee.id, {
    confirmedAt: daysAgo(250),
    state: 'completed',
    endedAt: daysAgo(2),
  });
  const nihPair = await makeRelationship(app, u.nihMentee!.employee.id, u.nihMentor!.employee.id, {
    confirmedAt: daysAgo(5),
  });
  // Three mentee surveys (shown at the minimum group size of 3), one mentor survey (suppressed).
  const survey = (
    relationshipId: string,
    role: 'mentor' | 'mentee',
    authorId: string,
    programObjectives: number,
  ) =>
    app.db.insert(completionSurveys).values({
      relationshipId,
      role,
      authorId,
      programObjectives,
      wouldRecommend: 9,
      submittedAt: daysAgo(1),
    });
  await survey(r1.id, 'mentee', u.m1!.employee.id, 4);
  await survey(r2.id, 'mentee', u.m2!.employee.id, 5);
  await survey(r4.id, 'mentee', u.m4!.employee.id, 3);
  await survey(r1.id, 'mentor', u.mentor!.employee.id, 1);
  await survey(nihPair.id, 'mentee', u.nihMentee!.employee.id, 2);
});
afterAll(() => ctx.close());

const get = (url: string, headers: Record<string, string>) => ctx.app.inject({ method: 'GET', url, headers });
type Row = Record<string, string | number | boolean | null>;
const rowsOf = async (url: string, who = 'cdc') =>
  (await get(url, u[who]!.auth)).json<{ rows: Row[] }>().rows;

describe('reports (R-ADMIN-2)', () => {
  it("R-ADMIN-2: participation by OPDIV, platform, grade band and state, for the coordinator's OPDIV only (R-ROLE-2)", async () => {
    const rows = await rowsOf('/api/v1/reports/participation');
    expect(rows.filter((r) => r.dimension === 'opdiv')).toEqual([
      { dimension: 'opdiv', value: 'CDC', label: expect.any(String), mentors: 1, mentees: 5 },
    ]);
    expect(rows.filter((r) => r.dimension === 'grade_band')).toEqual([
      { dimension: 'grade_band', value: 'GS-9–12', label: 'GS-9–12', mentors: 0, mentees: 5 },
      { dimension: 'grade_band', value: 'GS-13–15', label: 'GS-13–15', mentors: 1, mentees: 0 },
    ]);
    expect(rows.find((r) => r.dimension === 'platform' && r.value === 's2j')).toMatchObject({
      mentors: 1,
      mentees: 5,
    });
    expect(rows.find((r) => r.dimension === 'state')).toMatchObject({ value: 'GA', mentors: 1, mentees: 5 });
    expect((await get('/api/v1/reports/participation?opdiv=NIH', u.cdc!.auth)).statusCode).toBe(403);
  });

  it('R-ADMIN-2: time to match (median, p90) and match rate over a date range', async () => {
    const rows = await rowsOf(`/api/v1/reports/matching?from=${day(60)}&to=${day(0)}`);
    expect(rows).toEqual([
      {
        opdiv: 'CDC',
        applicants: 3,
        matched: 2,
        matchRate: 0.667,
        relationshipsConfirmed: 2,
        medianDaysToMatch: 30,
        p90DaysToMatch: 38,
      },
      {
        opdiv: 'ALL',
        applicants: 3,
        matched: 2,
        matchRate: 0.667,
        relationshipsConfirmed: 2,
        medianDaysToMatch: 30,
        p90DaysToMatch: 38,
      },
    ]);
  });

  it('R-ADMIN-2: completion and termination rates of the relationships confirmed in the range', async () => {
    const rows = await rowsOf('/api/v1/reports/outcomes');
    expect(rows.find((r) => r.opdiv === 'ALL' && r.platform === 'ALL')).toEqual({
      opdiv: 'ALL',
      platform: 'ALL',
      confirmed: 4,
      live: 2,
      completed: 1,
      completedEarly: 0,
      terminated: 1,
      completionRate: 0.25,
      terminationRate: 0.25,
    });
  });

  it('R-ADMIN-2: survey results in aggregate; a group smaller than the minimum is shown as suppressed, never its value', async () => {
    const res = await get('/api/v1/reports/evaluation', u.cdc!.auth);
    const rows = res.json<{ rows: Row[] }>().rows;
    expect(
      rows.find((r) => r.opdiv === 'CDC' && r.role === 'mentee' && r.area === 'program_objectives'),
    ).toEqual({
      opdiv: 'CDC',
      role: 'mentee',
      area: 'program_objectives',
      suppressed: false,
      respondents: 3,
      mean: 4,
    });
    expect(
      rows.find((r) => r.opdiv === 'CDC' && r.role === 'mentor' && r.area === 'program_objectives'),
    ).toEqual({
      opdiv: 'CDC',
      role: 'mentor',
      area: 'program_objectives',
      suppressed: true,
      respondents: null,
      mean: null,
    });
    expect(rows.some((r) => r.opdiv === 'NIH')).toBe(false);
    const csv = await get('/api/v1/reports/evaluation?format=csv', u.cdc!.auth);
    const mentorLine = csv.body.split('\r\n').find((l) => l.startsWith('CDC,mentor,program_objectives'));
    expect(mentorLine).toBe('CDC,mentor,program_objectives,true,,');
  });

  it('R-ADMIN-2: when one OPDIV is suppressed, the next smallest is too, so the department row cannot give it away', async () => {
    // Department view: mentee answers CDC 3 (at the minimum) and NIH 1 (below it); ALL 4. ALL − CDC would reveal NIH.
    const rows = (await get('/api/v1/reports/evaluation', u.pm!.auth)).json<{ rows: Row[] }>().rows;
    const cell = (opdiv: string) =>
      rows.find((r) => r.opdiv === opdiv && r.role === 'mentee' && r.area === 'program_objectives');
    expect(cell('NIH')).toMatchObject({ suppressed: true, respondents: null, mean: null });
    expect(cell('CDC')).toMatchObject({ suppressed: true, respondents: null, mean: null });
    expect(cell('ALL')).toMatchObject({ suppressed: false, respondents: 4, mean: 3.5 });
    // The coordinator's own view has no suppressed OPDIV beside CDC, so CDC stays shown there (previous test).
  });

  it('R-ADMIN-2: CSV is an RFC 4180 attachment in UTF-8 with a BOM; a name with a comma, quote and newline is quoted', async () => {
    const res = await get('/api/v1/reports/participation?format=csv', u.pm!.auth);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="participation-HHS-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const text = res.rawPayload.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('dimension,value,label,mentors,mentees');
    expect(text).toContain('opdiv,QX,"Office of ""Quirky"", Tests\nand More",0,1\r\n');
  });

  it('R-ADMIN-2: header=words names the CSV columns in words for a person; the cells and their order stay the same', async () => {
    const keys = (await get('/api/v1/reports/matching?format=csv', u.pm!.auth)).rawPayload
      .subarray(3)
      .toString('utf8')
      .split('\r\n');
    const words = (await get('/api/v1/reports/matching?format=csv&header=words', u.pm!.auth)).rawPayload
      .subarray(3)
      .toString('utf8')
      .split('\r\n');
    expect(keys[0]).toBe(
      'opdiv,applicants,matched,matchRate,relationshipsConfirmed,medianDaysToMatch,p90DaysToMatch',
    );
    expect(words[0]).toBe(
      'Operating division,Mentees who applied,Matched,Share matched (0 to 1),Relationships confirmed,Median days to a match,Days within which 9 in 10 were matched',
    );
    expect(words.slice(1)).toEqual(keys.slice(1));
    const bad = await get('/api/v1/reports/matching?format=csv&header=labels', u.pm!.auth);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('R-ADMIN-2: a reporting system with reports:read gets the department; without the scope it is refused', async () => {
    const client = await makeSystemClient(ctx.app, ['reports:read']);
    const res = await get('/api/v1/reports/outcomes', await client.token());
    expect(res.statusCode).toBe(200);
    expect(res.json().scope).toBeNull();
    expect(res.json().rows.find((r: Row) => r.opdiv === 'ALL' && r.platform === 'ALL').confirmed).toBe(5);
    const other = await makeSystemClient(ctx.app, ['directory:write'], 'HR only');
    expect((await get('/api/v1/reports/outcomes', await other.token())).statusCode).toBe(403);
    expect((await get('/api/v1/reports/outcomes', u.m1!.auth)).statusCode).toBe(403);
  });
});
