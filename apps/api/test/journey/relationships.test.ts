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
import { mentee, mentor, pairUp } from '../helpers/people.js';
import { clientFor, type RequestBody } from '../helpers/client.js';

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
} satisfies Omit<RequestBody<'/api/v1/relationships/{id}/agreement', 'put'>, 'version'>;
const idp = {
  strengths: 'Analysis',
  developmentalNeeds: ['strategic-thinking'],
  objectives: [{ text: 'Lead a project' }],
  activities: [
    { kind: 'shadowing', description: 'Shadow a director', targetDate: '2027-03-01', status: 'planned' },
  ],
  reviewDates: ['2027-06-01'],
} satisfies Omit<RequestBody<'/api/v1/relationships/{id}/idp', 'put'>, 'version'>;

describe("the pair's year (§6)", () => {
  it("R-LIFE-7: a relationship says from when a partner may ask to end it (confirmation + the settings' months)", async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const id = await pairUp(ctx.app, me, them);
    const rel = (await clientFor(ctx.app, me).GET('/api/v1/relationships/{id}', { params: { path: { id } } }))
      .data!;
    const confirmed = new Date(rel.confirmedAt);
    const allowed = new Date(rel.endingAllowedFrom);
    expect(allowed.getUTCMonth()).toBe((confirmed.getUTCMonth() + 3) % 12);
    expect(allowed.getTime()).toBeGreaterThan(confirmed.getTime());
    expect(
      (
        await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/termination-request', {
          params: { path: { id } },
          body: { reason: 'too soon' },
        })
      ).error!.rule,
    ).toBe('R-LIFE-7');
  });

  it('R-LIFE-2: agreement is versioned (stale write → 412), both sign, the mentee completes it and the coordinator is alerted', async () => {
    const { me, them, coordinator, id } = await setup();
    const created = await clientFor(ctx.app, me).PUT('/api/v1/relationships/{id}/agreement', {
      params: { path: { id } },
      body: { ...agreement, version: 0 },
    });
    expect(created.response.status).toBe(200);
    expect(created.response.headers.get('etag')).toBe('W/"1"');
    const stale = await clientFor(ctx.app, them).PUT('/api/v1/relationships/{id}/agreement', {
      params: { path: { id } },
      body: {
        ...agreement,
        goals: 'Other',
        version: 0,
      },
    });
    expect(stale.response.status).toBe(412);
    expect(
      (await clientFor(ctx.app, me).GET('/api/v1/relationships/{id}/agreement', { params: { path: { id } } }))
        .data!.goals,
    ).toBe('Grow as a leader');
    expect(
      (
        await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/agreement/complete', {
          params: { path: { id } },
        })
      ).error!.rule,
    ).toBe('R-LIFE-2');
    await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/agreement/sign', {
      params: { path: { id } },
      body: { version: 1 },
    });
    const signed = await clientFor(ctx.app, them).POST('/api/v1/relationships/{id}/agreement/sign', {
      params: { path: { id } },
      body: { version: 2 },
    });
    expect(signed.data!.mentorSignedAt).toBeTruthy();
    expect(
      (
        await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/agreement/complete', {
          params: { path: { id } },
        })
      ).data!.completedAt,
    ).toBeTruthy();
    expect(await inbox(coordinator.employee.id)).toContain('relationship.agreement_complete');
  });

  it('R-LIFE-1, R-LIFE-3, R-LIFE-6: orientation (waiver within 12 months), IDP shared with the supervisor → active', async () => {
    const { me, boss, coordinator, id } = await setup();
    const old = await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/orientation', {
      params: { path: { id } },
      body: {
        waived: true,
        earlierOrientationAt: monthsAgo(14).toISOString(),
      },
    });
    expect(old.error!.rule).toBe('R-LIFE-1');
    expect(
      (
        await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/orientation', {
          params: { path: { id } },
          body: {
            waived: true,
            earlierOrientationAt: monthsAgo(5).toISOString(),
          },
        })
      ).data!.orientationWaived,
    ).toBe(true);
    await clientFor(ctx.app, me).PUT('/api/v1/relationships/{id}/agreement', {
      params: { path: { id } },
      body: { ...agreement, version: 0 },
    });
    await ctx.app.db.update(relationships).set({ agreementAt: new Date() }).where(eq(relationships.id, id));
    await clientFor(ctx.app, me).PUT('/api/v1/relationships/{id}/idp', {
      params: { path: { id } },
      body: { ...idp, version: 0 },
    });
    expect(
      (await clientFor(ctx.app, boss).GET('/api/v1/relationships/{id}/idp', { params: { path: { id } } }))
        .response.status,
    ).toBe(404);
    await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/idp/share', { params: { path: { id } } });
    expect(await inbox(boss.employee.id)).toContain('idp.shared');
    const read = await clientFor(ctx.app, boss).GET('/api/v1/relationships/{id}/idp', {
      params: { path: { id } },
    });
    expect(read.response.status).toBe(200);
    const input = await clientFor(ctx.app, boss).PUT('/api/v1/relationships/{id}/idp/supervisor-input', {
      params: { path: { id } },
      body: { input: 'Supportive' },
      headers: { 'if-match': read.response.headers.get('etag') as string },
    });
    expect(input.data!.supervisorInput).toBe('Supportive');
    await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/idp/complete', {
      params: { path: { id } },
    });
    expect(await inbox(coordinator.employee.id)).toContain('relationship.idp_complete');
    expect(
      (await clientFor(ctx.app, me).GET('/api/v1/relationships/{id}', { params: { path: { id } } })).data!
        .state,
    ).toBe('active');
  });

  it("R-SEC-1/R-SEC-3: outsiders cannot read a pair's IDP; a partner cannot read the other's report; staff reads are audited", async () => {
    const { me, them, coordinator, id } = await setup();
    await clientFor(ctx.app, me).PUT('/api/v1/relationships/{id}/idp', {
      params: { path: { id } },
      body: { ...idp, version: 0 },
    });
    const outsider = await makeUser(ctx.app);
    expect(
      (await clientFor(ctx.app, outsider).GET('/api/v1/relationships/{id}/idp', { params: { path: { id } } }))
        .response.status,
    ).toBe(404);
    expect(
      (await clientFor(ctx.app, outsider).GET('/api/v1/relationships/{id}', { params: { path: { id } } }))
        .response.status,
    ).toBe(404);
    const otherCoordinator = await makeUser(ctx.app, {
      employee: { opdiv: 'FDA' },
      grants: [{ role: 'coordinator', opdiv: 'FDA' }],
    });
    expect(
      (
        await clientFor(ctx.app, otherCoordinator).GET('/api/v1/relationships/{id}/idp', {
          params: { path: { id } },
        })
      ).response.status,
    ).toBe(404);
    await clientFor(ctx.app, me).PUT('/api/v1/relationships/{id}/progress-reports/{role}', {
      params: { path: { id, role: 'mentee' } },
      body: {
        meetingsHeld: 3,
        objectivesProgress: 'ok',
        relationshipRating: 4,
        concerns: '',
        wantsCoordinatorContact: false,
        version: 0,
      },
    });
    expect(
      (
        await clientFor(ctx.app, them).GET('/api/v1/relationships/{id}/progress-reports/{role}', {
          params: { path: { id, role: 'mentee' } },
        })
      ).response.status,
    ).toBe(403);
    const write = await clientFor(ctx.app, them).PUT('/api/v1/relationships/{id}/progress-reports/{role}', {
      params: { path: { id, role: 'mentee' } },
      body: {
        meetingsHeld: 1,
        objectivesProgress: '',
        relationshipRating: 1,
        concerns: '',
        wantsCoordinatorContact: false,
        version: 1,
      },
    });
    expect(write.response.status).toBe(403);
    expect(
      (
        await clientFor(ctx.app, me).GET('/api/v1/relationships/{id}/progress-reports/{role}', {
          params: { path: { id, role: 'mentee' } },
        })
      ).data!.meetingsHeld,
    ).toBe(3);
    expect(
      (
        await clientFor(ctx.app, coordinator).GET('/api/v1/relationships/{id}/idp', {
          params: { path: { id } },
        })
      ).response.status,
    ).toBe(200);
    const reads = await ctx.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'document.read'), eq(auditLog.objectId, id)));
    expect(reads.map((r) => r.actorId)).toEqual([coordinator.employee.id]);
  });

  it('R-LIFE-4: a progress report asking for help alerts the coordinators', async () => {
    const { them, coordinator, id } = await setup();
    const res = await clientFor(ctx.app, them).PUT('/api/v1/relationships/{id}/progress-reports/{role}', {
      params: { path: { id, role: 'mentor' } },
      body: {
        meetingsHeld: 5,
        objectivesProgress: 'slow',
        relationshipRating: 2,
        concerns: 'scheduling',
        wantsCoordinatorContact: true,
        submit: true,
        version: 0,
      },
    });
    expect(res.data!.submittedAt).toBeTruthy();
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
    const early = await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/termination-request', {
      params: { path: { id } },
      body: {
        reason: 'Not working',
      },
    });
    expect(early.response.status).toBe(409);
    expect(early.error!.rule).toBe('R-LIFE-7');
    expect(
      (await clientFor(ctx.app, me).GET('/api/v1/relationships/{id}', { params: { path: { id } } })).data!
        .state,
    ).toBe('onboarding');
    await ctx.app.db
      .update(relationships)
      .set({ confirmedAt: monthsAgo(4) })
      .where(eq(relationships.id, id));
    expect(
      (
        await clientFor(ctx.app, them).POST('/api/v1/relationships/{id}/termination-request', {
          params: { path: { id } },
          body: { reason: 'Moving on' },
        })
      ).data!.state,
    ).toBe('termination_requested');
    expect(await inbox(coordinator.employee.id)).toContain('relationship.termination_requested');
    expect(
      (
        await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/terminate', {
          params: { path: { id } },
          body: {},
        })
      ).response.status,
    ).toBe(403);
    expect(
      (
        await clientFor(ctx.app, coordinator).POST('/api/v1/relationships/{id}/terminate', {
          params: { path: { id } },
          body: {},
        })
      ).error!.rule,
    ).toBe('R-LIFE-7');
    await clientFor(ctx.app, coordinator).POST('/api/v1/relationships/{id}/termination-guidance', {
      params: { path: { id } },
      body: { text: 'Talked to both' },
    });
    expect(
      (
        await clientFor(ctx.app, coordinator).POST('/api/v1/relationships/{id}/terminate', {
          params: { path: { id } },
          body: {},
        })
      ).data!.state,
    ).toBe('terminated');
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
        await clientFor(ctx.app, coordinator).POST('/api/v1/relationships/{id}/terminate', {
          params: { path: { id } },
          body: { reason: 'Mentor left HHS' },
        })
      ).data!.state,
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
      (
        await clientFor(ctx.app, me).PUT('/api/v1/relationships/{id}/completion-surveys/{role}', {
          params: { path: { id, role: 'mentee' } },
          body: survey,
        })
      ).response.status,
    ).toBe(200);
    expect(
      (
        await clientFor(ctx.app, them).PUT('/api/v1/relationships/{id}/completion-surveys/{role}', {
          params: { path: { id, role: 'mentor' } },
          body: survey,
        })
      ).data!.submittedAt,
    ).toBeTruthy();
    expect(
      (await clientFor(ctx.app, me).GET('/api/v1/relationships/{id}', { params: { path: { id } } })).data!
        .state,
    ).toBe('completed');
    expect(await inbox(coordinator.employee.id)).toContain('relationship.completed');
  });
});
