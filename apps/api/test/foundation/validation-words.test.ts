import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldInWords, failureInWords, validationDetail } from '../../src/lib/validation-words.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

const settings = {
  weights: { needs: 40, goals: 20, platform: 15, geography: 10, communication: 10, capacity: 5 },
  maxCapacity: 9,
  maxOpenInvitations: 3,
  invitationExpiryDays: 14,
  reportMinGroupSize: 5,
  terminationMinMonths: 3,
  nudgeUnmatchedDays: [14, 30],
  nudgeInvitationDays: 5,
  nudgeUnconfirmedDays: 3,
};

describe('validation problems in words (issue 20)', () => {
  it('a refused body says what to change in a sentence; the JSON pointer stays in errors[].field for machines', async () => {
    const pm = await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] });
    const res = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/settings',
      headers: pm.auth,
      payload: settings,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.detail).toBe('Max capacity: Enter a number no more than 5.');
    expect(body.detail).not.toMatch(/\/body\/|<=|R-[A-Z]+-\d/);
    expect(body.errors).toContainEqual({
      field: '/body/maxCapacity',
      message: 'Enter a number no more than 5.',
    });
  });

  it('writes every common failure as an instruction, never as the validator’s own words', () => {
    expect(failureInWords({ keyword: 'maxLength', params: { limit: 2000 } })).toBe(
      'Use 2,000 characters or fewer.',
    );
    expect(failureInWords({ keyword: 'required', params: {} })).toBe('Fill this in.');
    expect(failureInWords({ keyword: 'format', params: { format: 'email' } })).toMatch(
      /^Enter an email address/,
    );
    expect(failureInWords({ keyword: 'type', params: { type: 'integer' } })).toBe('Enter a number.');
    expect(fieldInWords('/body/positions/0/title')).toBe('Title');
    expect(
      validationDetail([
        { field: '/body/a', message: 'Fill this in.' },
        { field: '/body/b', message: 'Fill this in.' },
      ]),
    ).toBe('A: Fill this in. 1 more answer needs a change too.');
  });
});
