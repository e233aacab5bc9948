import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortProposalPairs, cohortProposals } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { mentee, mentor } from '../helpers/people.js';
import { clientFor } from '../helpers/client.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

describe('invitation context (issue 20: a mentor can judge fit)', () => {
  it('R-SEC-3: the mentor reads the mentee’s goals, needs, grade, occupation, location and platform; others get 404', async () => {
    const me = await mentee(ctx.app, {
      opdiv: 'CDC',
      city: 'Atlanta',
      state: 'GA',
      occupationTitle: 'Health Scientist',
      application: {
        longTermGoals: 'Run a national surveillance program',
        locationPreference: 'cross_opdiv',
      },
    });
    const them = await mentor(ctx.app);
    const inv = (
      await clientFor(ctx.app, me).POST('/api/v1/invitations', {
        body: { mentorId: them.employee.id, message: 'Hello' },
      })
    ).data!;
    const res = await clientFor(ctx.app, them).GET('/api/v1/invitations/{id}/context', {
      params: { path: { id: inv.id } },
    });
    expect(res.response.status).toBe(200);
    const body = res.data!;
    expect(body.mentee).toMatchObject({
      opdiv: 'CDC',
      grade: 'GS-11',
      occupationTitle: 'Health Scientist',
      city: 'Atlanta',
      state: 'GA',
      shortTermGoals: 'Lead a program evaluation',
      longTermGoals: 'Run a national surveillance program',
      platform: 's2j',
      locationPreference: 'cross_opdiv',
      communicationMethods: ['video'],
    });
    expect(body.mentee.developmentalNeeds.map((n: { name: string }) => n.name)).toContain(
      'Strategic Thinking',
    );
    expect(body.cohort).toBeNull();
    expect(JSON.stringify(body)).not.toContain('@');
    const stranger = await makeUser(ctx.app);
    expect(
      (
        await clientFor(ctx.app, stranger).GET('/api/v1/invitations/{id}/context', {
          params: { path: { id: inv.id } },
        })
      ).response.status,
    ).toBe(404);
    expect(
      (
        await clientFor(ctx.app, them).GET('/api/v1/invitations/{id}/context', {
          params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
        })
      ).response.headers.get('content-type'),
    ).toContain('application/problem+json');
  });

  it('R-MATCH-4: an invitation a cohort proposal made says who approved it and why, about the mentee', async () => {
    const me = await mentee(ctx.app, { opdiv: 'CDC' });
    const them = await mentor(ctx.app);
    const coordinator = await makeUser(ctx.app, {
      employee: { firstName: 'Priya', lastName: 'Cohort' },
      grants: [{ role: 'coordinator', opdiv: 'CDC' }],
    });
    const inv = (
      await clientFor(ctx.app, me).POST('/api/v1/invitations', {
        body: { mentorId: them.employee.id, message: '' },
      })
    ).data!;
    const [proposal] = await ctx.app.db
      .insert(cohortProposals)
      .values({
        opdivs: ['CDC'],
        createdBy: coordinator.employee.id,
        topK: 5,
        total: 80,
        greedyTotal: 70,
        menteeCount: 1,
        mentorCount: 1,
        unmatched: [],
      })
      .returning();
    await ctx.app.db.insert(cohortProposalPairs).values({
      proposalId: proposal!.id,
      menteeId: me.employee.id,
      mentorId: them.employee.id,
      score: 81.5,
      reasons: ['Covers 2 of your 2 development needs'],
      status: 'invited',
      invitationId: inv.id,
      decidedBy: coordinator.employee.id,
      decidedAt: new Date(),
    });
    const body = (
      await clientFor(ctx.app, them).GET('/api/v1/invitations/{id}/context', {
        params: { path: { id: inv.id } },
      })
    ).data!;
    expect(body.cohort).toMatchObject({
      approvedBy: 'Priya Cohort',
      score: 81.5,
      reasons: ['Covers 2 of the mentee’s 2 development needs'],
    });
  });
});
