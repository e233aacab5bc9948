import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { mentee, mentor, pairUp } from '../helpers/people.js';
import { clientFor } from '../helpers/client.js';

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
    expect((await clientFor(ctx.app, me).GET('/api/v1/training/me')).data!).toMatchObject({
      orientationCurrent: false,
      orientationSource: null,
    });
    const attendedAt = new Date(Date.now() - 86_400_000).toISOString();
    expect(
      (
        await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/orientation', {
          params: { path: { id } },
          body: { attendedAt },
        })
      ).response.status,
    ).toBe(200);
    for (const who of [me, them]) {
      const status = (await clientFor(ctx.app, who).GET('/api/v1/training/me')).data!;
      expect(status).toMatchObject({ orientationCurrent: true, orientationSource: 'relationship' });
      expect(Date.parse(status.lastOrientationAttendedAt!)).toBe(Date.parse(attendedAt));
    }
  });
});
