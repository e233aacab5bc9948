import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
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
const call = (
  method: 'GET' | 'POST' | 'PUT',
  who: Person,
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) =>
  ctx.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...who.auth, ...headers },
    ...(payload ? { payload } : {}),
  });
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
};
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
};
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
    const applied = await call('PUT', mentor, '/me/applications/mentor', mentorApplication);
    expect(applied.statusCode, applied.body).toBe(200);
    const asked = await call('PUT', mentee, '/me/applications/mentee', menteeApplication);
    expect(asked.statusCode, asked.body).toBe(200);
    const suggestions = await call('GET', mentee, '/me/suggestions?limit=50');
    const mine = suggestions
      .json()
      .items.find((s: { mentor: { id: string } }) => s.mentor.id === mentor.employee.id);
    expect(mine.reasons.length).toBeGreaterThan(0);

    // Invitation, acceptance, confirmation (R-INVT-1, R-CAP-1..3, R-PLAT-1 re-checked).
    const inv = await call('POST', mentee, '/invitations', {
      mentorId: mentor.employee.id,
      message: 'Would you mentor me this year?',
    });
    expect(inv.statusCode).toBe(201);
    expect((await call('POST', mentor, `/invitations/${inv.json().id}/accept`)).json().state).toBe(
      'accepted',
    );
    const confirmed = await call('POST', mentee, `/invitations/${inv.json().id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    const id: string = confirmed.json().relationshipId;
    expect((await call('GET', mentee, `/relationships/${id}`)).json().state).toBe('onboarding');

    // The first month: orientation, the agreement both sign, the IDP shared → active (R-LIFE-1..3, R-LIFE-6).
    expect(
      (await call('POST', mentee, `/relationships/${id}/orientation`, { waived: false })).statusCode,
    ).toBe(200);
    expect(
      (await call('PUT', mentee, `/relationships/${id}/agreement`, { ...agreement, version: 0 })).statusCode,
    ).toBe(200);
    expect(
      (await call('POST', mentee, `/relationships/${id}/agreement/sign`, { version: 1 })).statusCode,
    ).toBe(200);
    expect(
      (await call('POST', mentor, `/relationships/${id}/agreement/sign`, { version: 2 })).statusCode,
    ).toBe(200);
    expect(
      (await call('POST', mentee, `/relationships/${id}/agreement/complete`)).json().completedAt,
    ).toBeTruthy();
    expect((await call('PUT', mentee, `/relationships/${id}/idp`, { ...idp, version: 0 })).statusCode).toBe(
      200,
    );
    expect((await call('POST', mentee, `/relationships/${id}/idp/complete`)).statusCode).toBe(200);
    expect((await call('GET', mentor, `/relationships/${id}`)).json().state).toBe('active');

    // Six months on: both progress reports (R-LIFE-4).
    vi.setSystemTime(new Date(Date.now() + 183 * DAY));
    [mentee, mentor] = [signIn(mentee), signIn(mentor)];
    expect(
      (await call('PUT', mentee, `/relationships/${id}/progress-reports/mentee`, progress)).json()
        .submittedAt,
    ).toBeTruthy();
    expect(
      (await call('PUT', mentor, `/relationships/${id}/progress-reports/mentor`, progress)).json()
        .submittedAt,
    ).toBeTruthy();

    // A year on: both completion surveys, and the relationship is completed (R-LIFE-5); the coordinator is told.
    vi.setSystemTime(new Date(Date.now() + 190 * DAY));
    [mentee, mentor] = [signIn(mentee), signIn(mentor)];
    expect(
      (await call('PUT', mentee, `/relationships/${id}/completion-surveys/mentee`, survey)).statusCode,
    ).toBe(200);
    expect((await call('GET', mentee, `/relationships/${id}`)).json().state).toBe('active');
    expect(
      (await call('PUT', mentor, `/relationships/${id}/completion-surveys/mentor`, survey)).statusCode,
    ).toBe(200);
    expect((await call('GET', mentee, `/relationships/${id}`)).json().state).toBe('completed');
    const inbox = await call('GET', signIn(coordinator), '/me/notifications?limit=50');
    expect(inbox.json().items.map((n: { kind: string }) => n.kind)).toContain('relationship.completed');
    // The clocks have nothing left to say about a completed pair.
    const clocks = await advanceRelationshipClocks(ctx.app.db, new Date(), 'http://x');
    expect(clocks.completed).toBe(0);
  });
});
