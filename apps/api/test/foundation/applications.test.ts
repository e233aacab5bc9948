import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { auditLog, mentorApplications } from '../../src/db/schema/index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

const mentorBody = {
  bio: 'Twenty years in public health programs.',
  education: 'M.P.H.',
  positions: [{ title: 'Program Manager', organization: 'CDC', years: 8 }],
  communicationMethods: ['video', 'phone'],
  acknowledgeResponsibilities: true,
  competencies: ['strategic-thinking', 'accountability'],
  technicalAreas: 'program evaluation, budget formulation',
  platforms: ['s2j'],
  capacity: 3,
  acceptsOtherOpdivs: true,
};
const menteeBody = {
  bio: 'Analyst',
  education: 'B.A.',
  positions: [],
  communicationMethods: ['email'],
  acknowledgeResponsibilities: true,
  developmentalNeeds: ['conflict-management', 'strategic-thinking'],
  shortTermGoals: 'Lead a project',
  longTermGoals: 'Become a supervisor',
  platform: 'p2p',
  locationPreference: 'same_opdiv',
};
const put = (role: string, auth: Record<string, string>, payload: object) =>
  ctx.app.inject({ method: 'PUT', url: `/api/v1/me/applications/${role}`, headers: auth, payload });

describe('applications', () => {
  it('R-APP-1: applies as mentor and mentee at once, and reads both back', async () => {
    const me = await makeUser(ctx.app);
    expect((await put('mentor', me.auth, mentorBody)).statusCode).toBe(200);
    expect((await put('mentee', me.auth, menteeBody)).statusCode).toBe(200);
    const mine = (await ctx.app.inject({ url: '/api/v1/me/applications', headers: me.auth })).json();
    expect(mine.mentor).toMatchObject({ capacity: 3, platforms: ['s2j'], paused: false, liveMentees: 0 });
    expect(mine.mentee).toMatchObject({
      platform: 'p2p',
      developmentalNeeds: ['conflict-management', 'strategic-thinking'],
    });
  });

  it('R-CONTENT-2: refuses an application without the acknowledgement of responsibilities, and records it when given', async () => {
    const me = await makeUser(ctx.app);
    const refused = await put('mentor', me.auth, { ...mentorBody, acknowledgeResponsibilities: false });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('/body/acknowledgeResponsibilities');
    const ok = (await put('mentor', me.auth, mentorBody)).json();
    expect(ok.acknowledgedAt).toBeTruthy();
    expect(ok.acknowledgementVersion).toBeTruthy();
  });

  it('R-CAP-1: refuses a capacity above the program maximum and changes nothing', async () => {
    const pm = await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] });
    const settings = (await ctx.app.inject({ url: '/api/v1/settings', headers: pm.auth })).json();
    await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/settings',
      headers: pm.auth,
      payload: { ...settings.value, maxCapacity: 2 },
    });
    const me = await makeUser(ctx.app);
    const res = await put('mentor', me.auth, mentorBody);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ rule: 'R-CAP-1' });
    expect(
      await ctx.app.db
        .select()
        .from(mentorApplications)
        .where(eq(mentorApplications.employeeId, me.employee.id)),
    ).toHaveLength(0);
    await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/settings',
      headers: pm.auth,
      payload: settings.value,
    });
    const over = await put('mentor', me.auth, { ...mentorBody, capacity: 6 });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0].field).toBe('/body/capacity');
  });

  it('R-COMP-1: refuses an unknown competency, naming the field', async () => {
    const me = await makeUser(ctx.app);
    const res = await put('mentee', me.auth, { ...menteeBody, developmentalNeeds: ['juggling'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: '/body/developmentalNeeds' });
  });

  it('R-APP-2: pauses and resumes availability as a mentor, audited', async () => {
    const me = await makeUser(ctx.app);
    await put('mentor', me.auth, mentorBody);
    const paused = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/me/applications/mentor/pause',
      headers: me.auth,
    });
    expect(paused.json().paused).toBe(true);
    const resumed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/me/applications/mentor/resume',
      headers: me.auth,
    });
    expect(resumed.json().paused).toBe(false);
    const actions = (
      await ctx.app.db.select().from(auditLog).where(eq(auditLog.objectId, me.employee.id))
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'application.mentor.save',
        'application.mentor.pause',
        'application.mentor.resume',
      ]),
    );
  });

  it('withdraws an application; pausing a withdrawn one is a 404', async () => {
    const me = await makeUser(ctx.app);
    await put('mentor', me.auth, mentorBody);
    expect(
      (await ctx.app.inject({ method: 'DELETE', url: '/api/v1/me/applications/mentor', headers: me.auth }))
        .statusCode,
    ).toBe(204);
    expect(
      (await ctx.app.inject({ url: '/api/v1/me/applications', headers: me.auth })).json().mentor,
    ).toBeNull();
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/me/applications/mentor/pause',
          headers: me.auth,
        })
      ).statusCode,
    ).toBe(404);
  });
});
