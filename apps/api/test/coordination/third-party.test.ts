import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, shortlists, thirdPartyCases } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { clientFor } from '../helpers/client.js';
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

describe('third-party matching (R-MATCH-3)', () => {
  it('R-MATCH-3: a coordinator opens a case for a mentee in scope, once', async () => {
    const res = await clientFor(ctx.app, u.cdc!).POST('/api/v1/coordination/third-party-cases', {
      body: {
        menteeId: u.jordan!.employee.id,
        note: 'Asked at the orientation',
      },
    });
    expect(res.response.status).toBe(201);
    caseId = res.data!.id;
    expect(res.data!).toMatchObject({
      status: 'open',
      mentee: { id: u.jordan!.employee.id },
      contacts: [],
      shortlists: [],
    });
    const again = await clientFor(ctx.app, u.cdc!).POST('/api/v1/coordination/third-party-cases', {
      body: {
        menteeId: u.jordan!.employee.id,
      },
    });
    expect(again.response.status).toBe(409);
  });

  it('R-ROLE-2: a coordinator cannot open or read a case for a mentee outside their OPDIVs', async () => {
    expect(
      (
        await clientFor(ctx.app, u.cdc!).POST('/api/v1/coordination/third-party-cases', {
          body: {
            menteeId: u.nihMentee!.employee.id,
          },
        })
      ).response.status,
    ).toBe(404);
    expect(
      (
        await clientFor(ctx.app, u.nih!).GET('/api/v1/coordination/third-party-cases/{id}', {
          params: { path: { id: caseId } },
        })
      ).response.status,
    ).toBe(404);
    expect((await clientFor(ctx.app, u.nih!).GET('/api/v1/coordination/third-party-cases')).data!.total).toBe(
      0,
    );
  });

  it('R-MATCH-3: searches ranked eligible candidates and keeps a contact log', async () => {
    const candidates = await clientFor(ctx.app, u.cdc!).GET(
      '/api/v1/coordination/third-party-cases/{id}/candidates',
      { params: { path: { id: caseId } } },
    );
    expect(candidates.response.status).toBe(200);
    const ids = candidates.data!.items.map((i: { mentor: { id: string } }) => i.mentor.id);
    expect(ids).toEqual(expect.arrayContaining([u.dana!.employee.id, u.lee!.employee.id]));
    expect(ids).not.toContain(u.junior!.employee.id);
    await clientFor(ctx.app, u.cdc!).POST('/api/v1/coordination/third-party-cases/{id}/contacts', {
      params: { path: { id: caseId } },
      body: {
        mentorId: u.lee!.employee.id,
        outcome: 'no_answer',
        contactedAt: '2026-01-05T15:00:00Z',
      },
    });
    const res = await clientFor(ctx.app, u.cdc!).POST(
      '/api/v1/coordination/third-party-cases/{id}/contacts',
      {
        params: { path: { id: caseId } },
        body: {
          mentorId: u.dana!.employee.id,
          outcome: 'interested',
          note: 'Happy to take a CDC mentee',
        },
      },
    );
    expect(res.response.status).toBe(201);
    expect(
      res.data!.contacts.map((c: { mentor: { id: string }; outcome: string }) => [c.mentor.id, c.outcome]),
    ).toEqual([
      [u.lee!.employee.id, 'no_answer'],
      [u.dana!.employee.id, 'interested'],
    ]);
  });

  it('R-MATCH-5: a candidate is a mentor card (the typed response schema sends no other field)', async () => {
    const res = await clientFor(ctx.app, u.cdc!).GET(
      '/api/v1/coordination/third-party-cases/{id}/candidates',
      { params: { path: { id: caseId } } },
    );
    const mentor = res.data!.items[0]!.mentor as Record<string, unknown>;
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
    expect(res.data!.items[0]!.criteria[0]).toEqual({
      key: expect.any(String),
      weight: expect.any(Number),
      score: expect.any(Number),
      explanation: expect.any(String),
    });
  });

  it('R-MATCH-3: refuses a shortlist naming a mentor the mentee could not invite, and changes nothing', async () => {
    const res = await clientFor(ctx.app, u.cdc!).POST(
      '/api/v1/coordination/third-party-cases/{id}/shortlist',
      {
        params: { path: { id: caseId } },
        body: {
          mentorIds: [u.dana!.employee.id, u.junior!.employee.id],
          note: 'Two ideas',
        },
      },
    );
    expect(res.response.status).toBe(409);
    expect(res.error!.rule).toBe('R-PLAT-1');
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
    const res = await clientFor(ctx.app, u.cdc!).POST(
      '/api/v1/coordination/third-party-cases/{id}/shortlist',
      {
        params: { path: { id: caseId } },
        body: {
          mentorIds: [u.dana!.employee.id],
          note: 'Dana said yes; mention your evaluation project.',
        },
      },
    );
    expect(res.response.status).toBe(201);
    expect(res.data!.status).toBe('shortlisted');
    const notes = await ctx.app.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, u.jordan!.employee.id));
    expect(notes.map((n) => n.kind)).toEqual(['shortlist.received']);
    const mine = await clientFor(ctx.app, u.jordan!).GET('/api/v1/me/shortlists');
    expect(mine.data!.items).toMatchObject([
      {
        source: 'third_party',
        note: 'Dana said yes; mention your evaluation project.',
        mentors: [{ id: u.dana!.employee.id }],
      },
    ]);
    expect(mine.data!.items[0]!.mentors[0]).not.toHaveProperty('email');
    // R-MATCH-5: the whole mentor card the matching screens show (the same schema as suggestions), nothing more.
    expect(mine.data!.items[0]!.mentors[0]).toMatchObject({ paused: false, menteesWaiting: 0 });
    const invite = await clientFor(ctx.app, u.jordan!).POST('/api/v1/invitations', {
      body: {
        mentorId: u.dana!.employee.id,
        message: 'My coordinator suggested you.',
      },
    });
    expect(invite.response.status).toBe(201);
  });
});
