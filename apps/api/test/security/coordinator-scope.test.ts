import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { makeEvent } from '../training/helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(() => ctx?.close());

describe('finding: coordinator scope (R-SEC-12, R-ROLE-2)', () => {
  it("R-SEC-12, R-ROLE-2: a CDC coordinator is refused an FDA event's roster and evaluations, as for editing it", async () => {
    const { event } = await makeEvent(ctx.app, { opdiv: 'FDA' });
    const cdc = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    const fda = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'FDA' }] });
    for (const what of ['roster', 'evaluations']) {
      const refused = await ctx.app.inject({
        url: `/api/v1/training/events/${event.id}/${what}`,
        headers: cdc.auth,
      });
      expect(refused.statusCode, what).toBe(403);
      expect(refused.json().rule).toBe('R-ROLE-2');
      const edit = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/training/events/${event.id}`,
        headers: cdc.auth,
        payload: { title: 'Renamed' },
      });
      expect(edit.statusCode).toBe(403);
      expect(
        (await ctx.app.inject({ url: `/api/v1/training/events/${event.id}/${what}`, headers: fda.auth }))
          .statusCode,
        what,
      ).toBe(200);
    }
  });

  it("R-ROLE-2: a department-wide event's evaluations are the program manager's; its roster shows a coordinator their people", async () => {
    const { event, pm } = await makeEvent(ctx.app);
    const cdc = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    expect(
      (await ctx.app.inject({ url: `/api/v1/training/events/${event.id}/evaluations`, headers: cdc.auth }))
        .statusCode,
    ).toBe(403);
    expect(
      (await ctx.app.inject({ url: `/api/v1/training/events/${event.id}/evaluations`, headers: pm.auth }))
        .statusCode,
    ).toBe(200);
    expect(
      (await ctx.app.inject({ url: `/api/v1/training/events/${event.id}/roster`, headers: cdc.auth }))
        .statusCode,
    ).toBe(200);
  });
});
