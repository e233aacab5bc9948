import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  auditLog,
  coordinatorContactRequests,
  notifications,
  relationshipEvents,
  relationships,
} from '../../src/db/schema/index.js';
import { advanceRelationshipClocks } from '../../src/services/platform/clock-jobs.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { get, mentee, mentor, pairUp, post, put } from './pairs.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

const monthsAgo = (n: number) => new Date(Date.now() - n * 31 * 86_400_000);
const inbox = async (id: string) =>
  (await ctx.app.db.select().from(notifications).where(eq(notifications.recipientId, id))).map((n) => n.kind);
async function setup() {
  const boss = await makeUser(ctx.app, { employee: { grade: '14' } });
  const me = await mentee(ctx.app, { supervisorId: boss.employee.id });
  const them = await mentor(ctx.app);
  const coordinator = await makeUser(ctx.app, {
    employee: { opdiv: 'CDC' },
    grants: [{ role: 'coordinator', opdiv: 'CDC' }],
  });
  const id = await pairUp(ctx.app, me, them);
  return { boss, me, them, coordinator, id };
}
const agreement = {
  goals: 'Grow as a leader',
  meetingFrequency: 'every two weeks',
  meetingLength: '1 hour',
  communicationMethods: ['video'],
  confidentiality: 'What we say stays between us',
  boundaries: 'Answer within 2 days',
  noFaultTermination: true,
};
const idp = {
  strengths: 'Analysis',
  developmentalNeeds: ['strategic-thinking'],
  objectives: [{ text: 'Lead a project' }],
  activities: [
    { kind: 'shadowing', description: 'Shadow a director', targetDate: '2027-03-01', status: 'planned' },
  ],
  reviewDates: ['2027-06-01'],
};

describe("the pair's year (§6)", () => {
  it("R-LIFE-7: a relationship says from when a partner may ask to end it (confirmation + the settings' months)", async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const id = await pairUp(ctx.app, me, them);
    const rel = (await get(ctx.app, me, `/relationships/${id}`)).json();
    const confirmed = new Date(rel.confirmedAt);
    const allowed = new Date(rel.endingAllowedFrom);
    expect(allowed.getUTCMonth()).toBe((confirmed.getUTCMonth() + 3) % 12);
    expect(allowed.getTime()).toBeGreaterThan(confirmed.getTime());
    expect(
      (await post(ctx.app, me, `/relationships/${id}/termination-request`, { reason: 'too soon' })).json()
        .rule,
    ).toBe('R-LIFE-7');
  });

  it('R-LIFE-2: agreement is versioned (stale write → 412), both sign, the mentee completes it and the coordinator is alerted', async () => {
    const { me, them, coordinator, id } = await setup();
    const created = await put(ctx.app, me, `/relationships/${id}/agreement`, { ...agreement, version: 0 });
    expect(created.statusCode).toBe(200);
    expect(created.headers.etag).toBe('W/"1"');
    const stale = await put(ctx.app, them, `/relationships/${id}/agreement`, {
      ...agreement,
      goals: 'Other',
      version: 0,
    });
    expect(stale.statusCode).toBe(412);
    expect((await get(ctx.app, me, `/relationships/${id}/agreement`)).json().goals).toBe('Grow as a leader');
    expect((await post(ctx.app, me, `/relationships/${id}/agreement/complete`)).json().rule).toBe('R-LIFE-2');
    await post(ctx.app, me, `/relationships/${id}/agreement/sign`, { version: 1 });
    const signed = await post(ctx.app, them, `/relationships/${id}/agreement/sign`, { version: 2 });
    expect(signed.json().mentorSignedAt).toBeTruthy();
    expect(
      (await post(ctx.app, me, `/relationships/${id}/agreement/complete`)).json().completedAt,
    ).toBeTruthy();
    expect(await inbox(coordinator.employee.id)).toContain('relationship.agreement_complete');
  });

  it('R-LIFE-1, R-LIFE-3, R-LIFE-6: orientation (waiver within 12 months), IDP shared with the supervisor → active', async () => {
    const { me, boss, coordinator, id } = await setup();
    const old = await post(ctx.app, me, `/relationships/${id}/orientation`, {
      waived: true,
      earlierOrientationAt: monthsAgo(14).toISOString(),
    });
    expect(old.json().rule).toBe('R-LIFE-1');
    expect(
      (
        await post(ctx.app, me, `/relationships/${id}/orientation`, {
          waived: true,
          earlierOrientationAt: monthsAgo(5).toISOString(),
        })
      ).json().orientationWaived,
    ).toBe(true);
    await put(ctx.app, me, `/relationships/${id}/agreement`, { ...agreement, version: 0 });
    await ctx.app.db.update(relationships).set({ agreementAt: new Date() }).where(eq(relationships.id, id));
    await put(ctx.app, me, `/relationships/${id}/idp`, { ...idp, version: 0 });
    expect((await get(ctx.app, boss, `/relationships/${id}/idp`)).statusCode).toBe(404);
    await post(ctx.app, me, `/relationships/${id}/idp/share`);
    expect(await inbox(boss.employee.id)).toContain('idp.shared');
    const read = await get(ctx.app, boss, `/relationships/${id}/idp`);
    expect(read.statusCode).toBe(200);
    const input = await put(
      ctx.app,
      boss,
      `/relationships/${id}/idp/supervisor-input`,
      { input: 'Supportive' },
      { 'if-match': read.headers.etag as string },
    );
    expect(input.json().supervisorInput).toBe('Supportive');
    await post(ctx.app, me, `/relationships/${id}/idp/complete`);
    expect(await inbox(coordinator.employee.id)).toContain('relationship.idp_complete');
    expect((await get(ctx.app, me, `/relationships/${id}`)).json().state).toBe('active');
  });

  it("R-SEC-1/R-SEC-3: outsiders cannot read a pair's IDP; a partner cannot read the other's report; staff reads are audited", async () => {
    const { me, them, coordinator, id } = await setup();
    await put(ctx.app, me, `/relationships/${id}/idp`, { ...idp, version: 0 });
    const outsider = await makeUser(ctx.app);
    expect((await get(ctx.app, outsider, `/relationships/${id}/idp`)).statusCode).toBe(404);
    expect((await get(ctx.app, outsider, `/relationships/${id}`)).statusCode).toBe(404);
    const otherCoordinator = await makeUser(ctx.app, {
      employee: { opdiv: 'FDA' },
      grants: [{ role: 'coordinator', opdiv: 'FDA' }],
    });
    expect((await get(ctx.app, otherCoordinator, `/relationships/${id}/idp`)).statusCode).toBe(404);
    await put(ctx.app, me, `/relationships/${id}/progress-reports/mentee`, {
      meetingsHeld: 3,
      objectivesProgress: 'ok',
      relationshipRating: 4,
      concerns: '',
      wantsCoordinatorContact: false,
      version: 0,
    });
    expect((await get(ctx.app, them, `/relationships/${id}/progress-reports/mentee`)).statusCode).toBe(403);
    const write = await put(ctx.app, them, `/relationships/${id}/progress-reports/mentee`, {
      meetingsHeld: 1,
      objectivesProgress: '',
      relationshipRating: 1,
      concerns: '',
      wantsCoordinatorContact: false,
      version: 1,
    });
    expect(write.statusCode).toBe(403);
    expect((await get(ctx.app, me, `/relationships/${id}/progress-reports/mentee`)).json().meetingsHeld).toBe(
      3,
    );
    expect((await get(ctx.app, coordinator, `/relationships/${id}/idp`)).statusCode).toBe(200);
    const reads = await ctx.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'document.read'), eq(auditLog.objectId, id)));
    expect(reads.map((r) => r.actorId)).toEqual([coordinator.employee.id]);
  });

  it('R-LIFE-4: a progress report asking for help alerts the coordinators', async () => {
    const { them, coordinator, id } = await setup();
    const res = await put(ctx.app, them, `/relationships/${id}/progress-reports/mentor`, {
      meetingsHeld: 5,
      objectivesProgress: 'slow',
      relationshipRating: 2,
      concerns: 'scheduling',
      wantsCoordinatorContact: true,
      submit: true,
      version: 0,
    });
    expect(res.json().submittedAt).toBeTruthy();
    expect(await inbox(coordinator.employee.id)).toContain('relationship.help_requested');
    expect(
      await ctx.app.db
        .select()
        .from(coordinatorContactRequests)
        .where(eq(coordinatorContactRequests.relationshipId, id)),
    ).toHaveLength(1);
  });

  it('R-LIFE-7: termination is refused before 3 months and changes nothing; after, it needs guidance first', async () => {
    const { me, them, coordinator, id } = await setup();
    const early = await post(ctx.app, me, `/relationships/${id}/termination-request`, {
      reason: 'Not working',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().rule).toBe('R-LIFE-7');
    expect((await get(ctx.app, me, `/relationships/${id}`)).json().state).toBe('onboarding');
    await ctx.app.db
      .update(relationships)
      .set({ confirmedAt: monthsAgo(4) })
      .where(eq(relationships.id, id));
    expect(
      (await post(ctx.app, them, `/relationships/${id}/termination-request`, { reason: 'Moving on' })).json()
        .state,
    ).toBe('termination_requested');
    expect(await inbox(coordinator.employee.id)).toContain('relationship.termination_requested');
    expect((await post(ctx.app, me, `/relationships/${id}/terminate`, {})).statusCode).toBe(403);
    expect((await post(ctx.app, coordinator, `/relationships/${id}/terminate`, {})).json().rule).toBe(
      'R-LIFE-7',
    );
    await post(ctx.app, coordinator, `/relationships/${id}/termination-guidance`, { text: 'Talked to both' });
    expect((await post(ctx.app, coordinator, `/relationships/${id}/terminate`, {})).json().state).toBe(
      'terminated',
    );
    const events = await ctx.app.db
      .select()
      .from(relationshipEvents)
      .where(eq(relationshipEvents.relationshipId, id));
    expect(events.map((e) => `${e.event}:${e.toState}`)).toEqual([
      'confirm:onboarding',
      'request_termination:termination_requested',
      'record_guidance:termination_requested',
      'terminate:terminated',
    ]);
  });

  it('R-LIFE-7: a coordinator may end a relationship early with a reason', async () => {
    const { coordinator, id } = await setup();
    expect(
      (
        await post(ctx.app, coordinator, `/relationships/${id}/terminate`, { reason: 'Mentor left HHS' })
      ).json().state,
    ).toBe('terminated');
  });

  it('R-LIFE-5 and milestone clocks: completes after both surveys and 12 months; overdue notices are sent once', async () => {
    const { me, them, coordinator, id } = await setup();
    const survey = {
      programObjectives: 5,
      selectionMatching: 4,
      relationship: 5,
      training: 3,
      programSupport: 4,
      comments: 'Great',
      wouldRecommend: 9,
      submit: true,
      version: 0,
    };
    await ctx.app.db
      .update(relationships)
      .set({
        confirmedAt: monthsAgo(13),
        state: 'active',
        orientationAt: monthsAgo(13),
        agreementAt: monthsAgo(12),
        idpAt: monthsAgo(12),
      })
      .where(eq(relationships.id, id));
    const first = await advanceRelationshipClocks(ctx.app.db, new Date(), 'http://x');
    expect(first.completed).toBe(0);
    const again = await advanceRelationshipClocks(ctx.app.db, new Date(), 'http://x');
    expect((await inbox(me.employee.id)).filter((k) => k === 'milestone.overdue').length).toBe(2);
    expect(again.completed).toBe(0);
    expect(
      (await put(ctx.app, me, `/relationships/${id}/completion-surveys/mentee`, survey)).statusCode,
    ).toBe(200);
    expect(
      (await put(ctx.app, them, `/relationships/${id}/completion-surveys/mentor`, survey)).json().submittedAt,
    ).toBeTruthy();
    expect((await get(ctx.app, me, `/relationships/${id}`)).json().state).toBe('completed');
    expect(await inbox(coordinator.employee.id)).toContain('relationship.completed');
  });
});
