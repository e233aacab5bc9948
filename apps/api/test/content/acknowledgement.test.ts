import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

const menteeBody = {
  bio: 'Analyst',
  education: 'B.A.',
  positions: [],
  communicationMethods: ['email'],
  acknowledgeResponsibilities: true,
  developmentalNeeds: ['conflict-management'],
  shortTermGoals: 'Lead a project',
  longTermGoals: 'Supervise',
  platform: 'p2p',
  locationPreference: 'same_opdiv',
};

describe('R-CONTENT-2 acknowledgement of responsibilities', () => {
  it('R-CONTENT-2: an application records the responsibilities version published when it was made', async () => {
    const applicant = await makeUser(ctx.app);
    const pm = await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] });
    const apply = () =>
      ctx.app.inject({
        method: 'PUT',
        url: '/api/v1/me/applications/mentee',
        headers: applicant.auth,
        payload: menteeBody,
      });
    const first = (await apply()).json();
    expect(first.acknowledgementVersion).toBe('roles-and-responsibilities@v1');

    const page = (await ctx.app.inject('/api/v1/content/roles-and-responsibilities')).json();
    const edit = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/content/roles-and-responsibilities/versions',
      headers: pm.auth,
      payload: { title: page.title, markdown: `${page.markdown}\nUpdated guidance.`, publish: true },
    });
    expect(edit.statusCode).toBe(201);
    const second = (await apply()).json();
    expect(second.acknowledgementVersion).toBe(`roles-and-responsibilities@v${edit.json().version}`);
    expect(new Date(second.acknowledgedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(first.acknowledgedAt).getTime(),
    );
  });
});
