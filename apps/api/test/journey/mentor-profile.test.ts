import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DEFAULT_SETTINGS } from '@hhs-mentoring/domain';
import { mentorApplications, programSettings } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { mentee, mentor, pairUp } from '../helpers/people.js';
import { clientFor } from '../helpers/client.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

const application = {
  capacity: 3,
  competencies: ['strategic-thinking', 'accountability'],
  technicalAreas: 'epidemiology',
  bio: 'Twenty years at NIH',
  education: 'MPH, Emory',
  positions: [{ title: 'Branch Chief', organization: 'NIH', years: 6 }],
  acceptsOtherOpdivs: true,
};

describe("GET /mentors/{employeeId}: one mentor's profile (R-MATCH-2, R-MATCH-5)", () => {
  it('R-MATCH-5: shows the application and directory facts but no contact details before the mentor accepts', async () => {
    const dana = await mentor(ctx.app, {
      lastName: 'Whitfield',
      application: { ...application, acceptsOtherOpdivs: false },
    });
    const me = await mentee(ctx.app);
    const res = await clientFor(ctx.app, me).GET('/api/v1/mentors/{employeeId}', {
      params: { path: { employeeId: dana.employee.id } },
    });
    expect(res.response.status).toBe(200);
    const p = res.data!;
    expect(p).toMatchObject({
      id: dana.employee.id,
      name: 'Test Whitfield',
      opdiv: 'NIH',
      grade: 'GS-14',
      bio: 'Twenty years at NIH',
      education: 'MPH, Emory',
      positions: application.positions,
      technicalAreas: 'epidemiology',
      platforms: ['s2j', 'p2p'],
      communicationMethods: ['video'],
      acceptsOtherOpdivs: false,
      paused: false,
      capacity: 3,
      remainingCapacity: 3,
      occupationSeries: '0343',
      timeZone: 'America/New_York',
      commissionedCorps: false,
      contact: null,
    });
    expect(p.competencyDetails).toEqual([
      { code: 'strategic-thinking', name: 'Strategic Thinking', focus: true },
      { code: 'accountability', name: 'Accountability', focus: true },
    ]);
    expect(JSON.stringify(p)).not.toContain(dana.employee.email);
  });

  it('R-MATCH-5: contact details once the mentor accepted my invitation; the mentor and staff in scope see them too', async () => {
    const dana = await mentor(ctx.app, { application });
    const me = await mentee(ctx.app);
    const stranger = await mentee(ctx.app);
    const coordinator = await makeUser(ctx.app, {
      employee: { opdiv: 'NIH' },
      grants: [{ role: 'coordinator', opdiv: 'NIH' }],
    });
    const otherCoordinator = await makeUser(ctx.app, {
      employee: { opdiv: 'FDA' },
      grants: [{ role: 'coordinator', opdiv: 'FDA' }],
    });
    const inv = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
      body: { mentorId: dana.employee.id, message: 'Hello' },
    });
    expect(inv.response.status).toBe(201);
    expect(
      (
        await clientFor(ctx.app, me).GET('/api/v1/mentors/{employeeId}', {
          params: { path: { employeeId: dana.employee.id } },
        })
      ).data!.contact,
    ).toBeNull();
    expect(
      (
        await clientFor(ctx.app, dana).POST('/api/v1/invitations/{id}/accept', {
          params: { path: { id: inv.data!.id } },
        })
      ).response.status,
    ).toBe(200);
    const contact = { email: dana.employee.email, phone: dana.employee.phone };
    expect(
      (
        await clientFor(ctx.app, me).GET('/api/v1/mentors/{employeeId}', {
          params: { path: { employeeId: dana.employee.id } },
        })
      ).data!.contact,
    ).toEqual(contact);
    expect(
      (
        await clientFor(ctx.app, dana).GET('/api/v1/mentors/{employeeId}', {
          params: { path: { employeeId: dana.employee.id } },
        })
      ).data!.contact,
    ).toEqual(contact);
    expect(
      (
        await clientFor(ctx.app, coordinator).GET('/api/v1/mentors/{employeeId}', {
          params: { path: { employeeId: dana.employee.id } },
        })
      ).data!.contact,
    ).toEqual(contact);
    expect(
      (
        await clientFor(ctx.app, otherCoordinator).GET('/api/v1/mentors/{employeeId}', {
          params: { path: { employeeId: dana.employee.id } },
        })
      ).data!.contact,
    ).toBeNull();
    expect(
      (
        await clientFor(ctx.app, stranger).GET('/api/v1/mentors/{employeeId}', {
          params: { path: { employeeId: dana.employee.id } },
        })
      ).data!.contact,
    ).toBeNull();
  });

  it('R-CAP-1: remaining capacity counts live mentees and respects the program maximum', async () => {
    const dana = await mentor(ctx.app, { application });
    const me = await mentee(ctx.app);
    await pairUp(ctx.app, me, dana);
    expect(
      (
        await clientFor(ctx.app, me).GET('/api/v1/mentors/{employeeId}', {
          params: { path: { employeeId: dana.employee.id } },
        })
      ).data!,
    ).toMatchObject({
      capacity: 3,
      remainingCapacity: 2,
    });
    await ctx.app.db
      .insert(programSettings)
      .values({ id: 1, value: { ...DEFAULT_SETTINGS, maxCapacity: 2 } })
      .onConflictDoUpdate({
        target: programSettings.id,
        set: { value: { ...DEFAULT_SETTINGS, maxCapacity: 2 } },
      });
    try {
      expect(
        (
          await clientFor(ctx.app, me).GET('/api/v1/mentors/{employeeId}', {
            params: { path: { employeeId: dana.employee.id } },
          })
        ).data!,
      ).toMatchObject({
        capacity: 2,
        remainingCapacity: 1,
      });
      const search = (
        await clientFor(ctx.app, me).GET('/api/v1/mentors', {
          params: { query: { q: dana.employee.lastName } },
        })
      ).data!;
      const card = search.items.find((i) => i.id === dana.employee.id);
      expect(card!.remainingCapacity).toBe(1);
    } finally {
      await ctx.app.db.delete(programSettings).where(eq(programSettings.id, 1));
    }
  });

  it('R-MATCH-2: 404 for someone who never applied as a mentor, a withdrawn mentor, and an unknown id', async () => {
    const me = await mentee(ctx.app);
    const notMentor = await makeUser(ctx.app);
    const gone = await mentor(ctx.app, { application });
    await ctx.app.db
      .update(mentorApplications)
      .set({ withdrawnAt: new Date() })
      .where(eq(mentorApplications.employeeId, gone.employee.id));
    for (const id of [notMentor.employee.id, gone.employee.id, 'NOPE-1', me.employee.id]) {
      const res = await clientFor(ctx.app, me).GET('/api/v1/mentors/{employeeId}', {
        params: { path: { employeeId: id } },
      });
      expect(res.response.status).toBe(404);
      expect(res.response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('R-SEC-2: signing in is required', async () => {
    const dana = await mentor(ctx.app, { application });
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/v1/mentors/${dana.employee.id}` })).statusCode,
    ).toBe(401);
  });
});
