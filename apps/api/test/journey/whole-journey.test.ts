import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { clientFor, type RequestBody } from '../helpers/client.js';
import { makeUser } from '../helpers/factories.js';
import { advanceRelationshipClocks } from '../../src/services/platform/clock-jobs.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());
afterEach(() => {
  vi.useRealTimers();
});

type Person = Awaited<ReturnType<typeof makeUser>>;
/** The same person signed in again (a session token made at the test clock's "now"). */
const signIn = (who: Person): Person => ({
  ...who,
  auth: { authorization: `Bearer ${ctx.app.signUserToken(who.user.id)}` },
});
const DAY = 86_400_000;

const mentorApplication = {
  bio: 'Twenty years in public health programs.',
  education: 'M.P.H.',
  positions: [{ title: 'Program Manager', organization: 'NIH', years: 8 }],
  communicationMethods: ['video', 'phone'],
  acknowledgeResponsibilities: true,
  competencies: ['strategic-thinking', 'accountability'],
  technicalAreas: 'program evaluation, budget formulation',
  platforms: ['s2j'],
  capacity: 2,
  acceptsOtherOpdivs: true,
} satisfies RequestBody<'/api/v1/me/applications/mentor', 'put'>;
const menteeApplication = {
  bio: 'Analyst',
  education: 'B.A.',
  positions: [],
  communicationMethods: ['video'],
  acknowledgeResponsibilities: true,
  developmentalNeeds: ['strategic-thinking', 'accountability'],
  shortTermGoals: 'Lead a program evaluation',
  longTermGoals: 'Become a program manager',
  platform: 's2j',
  locationPreference: 'no_preference',
} satisfies RequestBody<'/api/v1/me/applications/mentee', 'put'>;
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
const progress = {
  meetingsHeld: 10,
  objectivesProgress: 'On track',
  relationshipRating: 5,
  concerns: '',
  wantsCoordinatorContact: false,
  submit: true,
  version: 0,
};
const survey = {
  programObjectives: 5,
  selectionMatching: 4,
  relationship: 5,
  training: 4,
  programSupport: 4,
  comments: 'Worth it',
  wouldRecommend: 9,
  submit: true,
  version: 0,
};

// Issue 4 "done means": from application to a completed relationship, through the API alone. Only the clock is moved
// (the test's clock, not the data): everything else is what a participant's client would send.
describe('the whole journey through the API', () => {
  it('R-APP-1, R-MATCH-1, R-INVT-1, R-LIFE-1..5: two people apply, are matched, confirm, run their year and complete it', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-01-04T15:00:00Z') });
    const coordinator = await makeUser(ctx.app, {
      employee: { opdiv: 'CDC' },
      grants: [{ role: 'coordinator', opdiv: 'CDC' }],
    });
    let mentee = await makeUser(ctx.app, { employee: { opdiv: 'CDC', grade: '11' } });
    let mentor = await makeUser(ctx.app, { employee: { opdiv: 'NIH', grade: '14' } });

    // They apply (R-APP-1), and the mentee finds the mentor among the suggestions (R-MATCH-1).
    const applied = await clientFor(ctx.app, mentor).PUT('/api/v1/me/applications/mentor', {
      body: mentorApplication,
    });
    expect(applied.response.status, JSON.stringify(applied.error)).toBe(200);
    const asked = await clientFor(ctx.app, mentee).PUT('/api/v1/me/applications/mentee', {
      body: menteeApplication,
    });
    expect(asked.response.status, JSON.stringify(asked.error)).toBe(200);
    const suggestions = await clientFor(ctx.app, mentee).GET('/api/v1/me/suggestions', {
      params: { query: { limit: 50 } },
    });
    const mine = suggestions.data!.items.find((s) => s.mentor.id === mentor.employee.id);
    expect(mine!.reasons.length).toBeGreaterThan(0);

    // Invitation, acceptance, confirmation (R-INVT-1, R-CAP-1..3, R-PLAT-1 re-checked).
    const inv = await clientFor(ctx.app, mentee).POST('/api/v1/invitations', {
      body: {
        mentorId: mentor.employee.id,
        message: 'Would you mentor me this year?',
      },
    });
    expect(inv.response.status).toBe(201);
    expect(
      (
        await clientFor(ctx.app, mentor).POST('/api/v1/invitations/{id}/accept', {
          params: { path: { id: inv.data!.id } },
        })
      ).data!.state,
    ).toBe('accepted');
    const confirmed = await clientFor(ctx.app, mentee).POST('/api/v1/invitations/{id}/confirm', {
      params: { path: { id: inv.data!.id } },
    });
    expect(confirmed.response.status).toBe(200);
    const id = confirmed.data!.relationshipId!;
    expect(
      (await clientFor(ctx.app, mentee).GET('/api/v1/relationships/{id}', { params: { path: { id } } })).data!
        .state,
    ).toBe('onboarding');

    // The first month: orientation, the agreement both sign, the IDP shared → active (R-LIFE-1..3, R-LIFE-6).
    expect(
      (
        await clientFor(ctx.app, mentee).POST('/api/v1/relationships/{id}/orientation', {
          params: { path: { id } },
          body: { waived: false },
        })
      ).response.status,
    ).toBe(200);
    expect(
      (
        await clientFor(ctx.app, mentee).PUT('/api/v1/relationships/{id}/agreement', {
          params: { path: { id } },
          body: { ...agreement, version: 0 },
        })
      ).response.status,
    ).toBe(200);
    expect(
      (
        await clientFor(ctx.app, mentee).POST('/api/v1/relationships/{id}/agreement/sign', {
          params: { path: { id } },
          body: { version: 1 },
        })
      ).response.status,
    ).toBe(200);
    expect(
      (
        await clientFor(ctx.app, mentor).POST('/api/v1/relationships/{id}/agreement/sign', {
          params: { path: { id } },
          body: { version: 2 },
        })
      ).response.status,
    ).toBe(200);
    expect(
      (
        await clientFor(ctx.app, mentee).POST('/api/v1/relationships/{id}/agreement/complete', {
          params: { path: { id } },
        })
      ).data!.completedAt,
    ).toBeTruthy();
    expect(
      (
        await clientFor(ctx.app, mentee).PUT('/api/v1/relationships/{id}/idp', {
          params: { path: { id } },
          body: { ...idp, version: 0 },
        })
      ).response.status,
    ).toBe(200);
    expect(
      (
        await clientFor(ctx.app, mentee).POST('/api/v1/relationships/{id}/idp/complete', {
          params: { path: { id } },
        })
      ).response.status,
    ).toBe(200);
    expect(
      (await clientFor(ctx.app, mentor).GET('/api/v1/relationships/{id}', { params: { path: { id } } })).data!
        .state,
    ).toBe('active');

    // Six months on: both progress reports (R-LIFE-4).
    vi.setSystemTime(new Date(Date.now() + 183 * DAY));
    [mentee, mentor] = [signIn(mentee), signIn(mentor)];
    expect(
      (
        await clientFor(ctx.app, mentee).PUT('/api/v1/relationships/{id}/progress-reports/{role}', {
          params: { path: { id, role: 'mentee' } },
          body: progress,
        })
      ).data!.submittedAt,
    ).toBeTruthy();
    expect(
      (
        await clientFor(ctx.app, mentor).PUT('/api/v1/relationships/{id}/progress-reports/{role}', {
          params: { path: { id, role: 'mentor' } },
          body: progress,
        })
      ).data!.submittedAt,
    ).toBeTruthy();

    // A year on: both completion surveys, and the relationship is completed (R-LIFE-5); the coordinator is told.
    vi.setSystemTime(new Date(Date.now() + 190 * DAY));
    [mentee, mentor] = [signIn(mentee), signIn(mentor)];
    expect(
      (
        await clientFor(ctx.app, mentee).PUT('/api/v1/relationships/{id}/completion-surveys/{role}', {
          params: { path: { id, role: 'mentee' } },
          body: survey,
        })
      ).response.status,
    ).toBe(200);
    expect(
      (await clientFor(ctx.app, mentee).GET('/api/v1/relationships/{id}', { params: { path: { id } } })).data!
        .state,
    ).toBe('active');
    expect(
      (
        await clientFor(ctx.app, mentor).PUT('/api/v1/relationships/{id}/completion-surveys/{role}', {
          params: { path: { id, role: 'mentor' } },
          body: survey,
        })
      ).response.status,
    ).toBe(200);
    expect(
      (await clientFor(ctx.app, mentee).GET('/api/v1/relationships/{id}', { params: { path: { id } } })).data!
        .state,
    ).toBe('completed');
    const inbox = await clientFor(ctx.app, signIn(coordinator)).GET('/api/v1/me/notifications', {
      params: { query: { limit: 50 } },
    });
    expect(inbox.data!.items.map((n: { kind: string }) => n.kind)).toContain('relationship.completed');
    // The clocks have nothing left to say about a completed pair.
    const clocks = await advanceRelationshipClocks(ctx.app.db, new Date(), 'http://x');
    expect(clocks.completed).toBe(0);
  });
});
