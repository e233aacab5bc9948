import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, shortlists, thirdPartyCases } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { mentee, mentor, staff } from '../helpers/people.js';

let ctx: TestContext;
const u: Record<string, Awaited<ReturnType<typeof mentee>>> = {};
let caseId = '';

beforeAll(async () => {
  ctx = await makeTestApp();
  const app = ctx.app;
  u.cdc = await staff.coordinator(app, 'CDC');
  u.nih = await staff.coordinator(app, 'NIH');
  u.jordan = await mentee(app, { opdiv: 'CDC', grade: '9' });
  u.nihMentee = await mentee(app, { opdiv: 'NIH' });
  u.dana = await mentor(app, { opdiv: 'NIH' });
  u.lee = await mentor(app, { opdiv: 'CDC' });
  u.junior = await mentor(app, { opdiv: 'CDC', grade: '8' }); // below the mentee's GS-9: S2J refuses (R-PLAT-1)
});
afterAll(() => ctx.close());

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: u[who]!.auth, ...(payload ? { payload } : {}) });

describe('third-party matching (R-MATCH-3)', () => {
  it('R-MATCH-3: a coordinator opens a case for a mentee in scope, once', async () => {
    const res = await call('POST', '/api/v1/coordination/third-party-cases', 'cdc', {
      menteeId: u.jordan!.employee.id,
      note: 'Asked at the orientation',
    });
    expect(res.statusCode).toBe(201);
    caseId = res.json().id;
    expect(res.json()).toMatchObject({
      status: 'open',
      mentee: { id: u.jordan!.employee.id },
      contacts: [],
      shortlists: [],
    });
    const again = await call('POST', '/api/v1/coordination/third-party-cases', 'cdc', {
      menteeId: u.jordan!.employee.id,
    });
    expect(again.statusCode).toBe(409);
  });

  it('R-ROLE-2: a coordinator cannot open or read a case for a mentee outside their OPDIVs', async () => {
    expect(
      (
        await call('POST', '/api/v1/coordination/third-party-cases', 'cdc', {
          menteeId: u.nihMentee!.employee.id,
        })
      ).statusCode,
    ).toBe(404);
    expect((await call('GET', `/api/v1/coordination/third-party-cases/${caseId}`, 'nih')).statusCode).toBe(
      404,
    );
    expect((await call('GET', '/api/v1/coordination/third-party-cases', 'nih')).json().total).toBe(0);
  });

  it('R-MATCH-3: searches ranked eligible candidates and keeps a contact log', async () => {
    const candidates = await call(
      'GET',
      `/api/v1/coordination/third-party-cases/${caseId}/candidates`,
      'cdc',
    );
    expect(candidates.statusCode).toBe(200);
    const ids = candidates.json().items.map((i: { mentor: { id: string } }) => i.mentor.id);
    expect(ids).toEqual(expect.arrayContaining([u.dana!.employee.id, u.lee!.employee.id]));
    expect(ids).not.toContain(u.junior!.employee.id);
    await call('POST', `/api/v1/coordination/third-party-cases/${caseId}/contacts`, 'cdc', {
      mentorId: u.lee!.employee.id,
      outcome: 'no_answer',
      contactedAt: '2026-01-05T15:00:00Z',
    });
    const res = await call('POST', `/api/v1/coordination/third-party-cases/${caseId}/contacts`, 'cdc', {
      mentorId: u.dana!.employee.id,
      outcome: 'interested',
      note: 'Happy to take a CDC mentee',
    });
    expect(res.statusCode).toBe(201);
    expect(
      res.json().contacts.map((c: { mentor: { id: string }; outcome: string }) => [c.mentor.id, c.outcome]),
    ).toEqual([
      [u.lee!.employee.id, 'no_answer'],
      [u.dana!.employee.id, 'interested'],
    ]);
  });

  it('R-MATCH-5: a candidate is a mentor card (the typed response schema sends no other field)', async () => {
    const res = await call('GET', `/api/v1/coordination/third-party-cases/${caseId}/candidates`, 'cdc');
    const mentor = res.json().items[0].mentor as Record<string, unknown>;
    expect(Object.keys(mentor).sort()).toEqual(
      [
        'bio',
        'city',
        'communicationMethods',
        'competencies',
        'grade',
        'id',
        'menteesWaiting',
        'name',
        'occupationTitle',
        'opdiv',
        'paused',
        'platforms',
        'remainingCapacity',
        'state',
        'technicalAreas',
      ].sort(),
    );
    expect(res.json().items[0].criteria[0]).toEqual({
      key: expect.any(String),
      weight: expect.any(Number),
      score: expect.any(Number),
      explanation: expect.any(String),
    });
  });

  it('R-MATCH-3: refuses a shortlist naming a mentor the mentee could not invite, and changes nothing', async () => {
    const res = await call('POST', `/api/v1/coordination/third-party-cases/${caseId}/shortlist`, 'cdc', {
      mentorIds: [u.dana!.employee.id, u.junior!.employee.id],
      note: 'Two ideas',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().rule).toBe('R-PLAT-1');
    expect(await ctx.app.db.select().from(shortlists)).toHaveLength(0);
    expect(
      await ctx.app.db
        .select()
        .from(notifications)
        .where(eq(notifications.recipientId, u.jordan!.employee.id)),
    ).toHaveLength(0);
    const [row] = await ctx.app.db.select().from(thirdPartyCases).where(eq(thirdPartyCases.id, caseId));
    expect(row?.status).toBe('open');
  });

  it('R-MATCH-3: hands the mentee a shortlist with a note; the mentee is notified, reads it and invites as in self-selection', async () => {
    const res = await call('POST', `/api/v1/coordination/third-party-cases/${caseId}/shortlist`, 'cdc', {
      mentorIds: [u.dana!.employee.id],
      note: 'Dana said yes; mention your evaluation project.',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('shortlisted');
    const notes = await ctx.app.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, u.jordan!.employee.id));
    expect(notes.map((n) => n.kind)).toEqual(['shortlist.received']);
    const mine = await call('GET', '/api/v1/me/shortlists', 'jordan');
    expect(mine.json().items).toMatchObject([
      {
        source: 'third_party',
        note: 'Dana said yes; mention your evaluation project.',
        mentors: [{ id: u.dana!.employee.id }],
      },
    ]);
    expect(mine.json().items[0].mentors[0]).not.toHaveProperty('email');
    // R-MATCH-5: the whole mentor card the matching screens show (the same schema as suggestions), nothing more.
    expect(mine.json().items[0].mentors[0]).toMatchObject({ paused: false, menteesWaiting: 0 });
    const invite = await call('POST', '/api/v1/invitations', 'jordan', {
      mentorId: u.dana!.employee.id,
      message: 'My coordinator suggested you.',
    });
    expect(invite.statusCode).toBe(201);
  });
});
