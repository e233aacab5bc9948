import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { mentee, mentor, pairUp } from '../helpers/people.js';
import { get, post } from '../journey/pairs.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

describe('orientation status on the training page (issue 20)', () => {
  it('R-LIFE-1: after the mentee records the pair’s orientation, both partners’ training status says it is current', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const id = await pairUp(ctx.app, me, them);
    expect((await get(ctx.app, me, '/training/me')).json()).toMatchObject({
      orientationCurrent: false,
      orientationSource: null,
    });
    const attendedAt = new Date(Date.now() - 86_400_000).toISOString();
    expect((await post(ctx.app, me, `/relationships/${id}/orientation`, { attendedAt })).statusCode).toBe(
      200,
    );
    for (const who of [me, them]) {
      const status = (await get(ctx.app, who, '/training/me')).json();
      expect(status).toMatchObject({ orientationCurrent: true, orientationSource: 'relationship' });
      expect(Date.parse(status.lastOrientationAttendedAt)).toBe(Date.parse(attendedAt));
    }
  });
});
