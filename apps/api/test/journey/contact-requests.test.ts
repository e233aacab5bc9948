import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, coordinatorContactRequests } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { mentee, mentor, pairUp } from '../helpers/people.js';
import { clientFor } from '../helpers/client.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

const report = {
  meetingsHeld: 2,
  objectivesProgress: 'slow',
  relationshipRating: 2,
  concerns: 'scheduling',
  wantsCoordinatorContact: true,
  submit: true,
  version: 0,
};

/** A CDC mentee paired with an NIH mentor; the mentor's progress report asks for the coordinator. */
async function helpRequested() {
  const me = await mentee(ctx.app, { opdiv: 'CDC' });
  const them = await mentor(ctx.app, { opdiv: 'NIH' });
  const relationshipId = await pairUp(ctx.app, me, them);
  expect(
    (
      await clientFor(ctx.app, them).PUT('/api/v1/relationships/{id}/progress-reports/{role}', {
        params: { path: { id: relationshipId, role: 'mentor' } },
        body: report,
      })
    ).response.status,
  ).toBe(200);
  const [row] = await ctx.app.db
    .select()
    .from(coordinatorContactRequests)
    .where(eq(coordinatorContactRequests.relationshipId, relationshipId));
  return { me, them, relationshipId, id: row!.id };
}
const staff = (opdiv: string) =>
  makeUser(ctx.app, { employee: { opdiv }, grants: [{ role: 'coordinator', opdiv }] });
type Item = { id: string; role: string; requestedBy: { id: string }; resolvedAt: string | null };

describe('coordinator contact requests (R-LIFE-4)', () => {
  it('R-LIFE-4: a coordinator of either partner sees the open request; other coordinators do not (R-ROLE-2)', async () => {
    const { them, id } = await helpRequested();
    const nih = await staff('NIH');
    const list = await clientFor(ctx.app, nih).GET('/api/v1/coordination/contact-requests');
    expect(list.response.status).toBe(200);
    const item = list.data!.items.find((i: Item) => i.id === id);
    expect(item).toMatchObject({
      role: 'mentor',
      requestedBy: { id: them.employee.id },
      resolvedAt: null,
      source: 'progress_report',
    });
    const fda = await staff('FDA');
    expect(
      (await clientFor(ctx.app, fda).GET('/api/v1/coordination/contact-requests')).data!.items.map(
        (i: Item) => i.id,
      ),
    ).not.toContain(id);
    expect(
      (
        await clientFor(ctx.app, nih).GET('/api/v1/coordination/contact-requests', {
          params: { query: { opdiv: 'FDA' } },
        })
      ).response.status,
    ).toBe(403);
  });

  it('R-ROLE-2: participants cannot list contact requests', async () => {
    const { me } = await helpRequested();
    expect((await clientFor(ctx.app, me).GET('/api/v1/coordination/contact-requests')).response.status).toBe(
      403,
    );
  });

  it('R-LIFE-4: resolving records who and when, audits it, and moves it out of the open queue', async () => {
    const { relationshipId, id } = await helpRequested();
    const cdc = await staff('CDC');
    const res = await clientFor(ctx.app, cdc).POST('/api/v1/coordination/contact-requests/{id}/resolve', {
      params: { path: { id } },
    });
    expect(res.response.status).toBe(200);
    expect(res.data!).toMatchObject({ id, resolvedBy: cdc.employee.id });
    expect(
      (await clientFor(ctx.app, cdc).GET('/api/v1/coordination/contact-requests')).data!.items.map(
        (i: Item) => i.id,
      ),
    ).not.toContain(id);
    const resolved = (
      await clientFor(ctx.app, cdc).GET('/api/v1/coordination/contact-requests', {
        params: { query: { status: 'resolved' } },
      })
    ).data!.items.map((i: Item) => i.id);
    expect(resolved).toContain(id);
    const audits = await ctx.app.db.select().from(auditLog).where(eq(auditLog.objectId, relationshipId));
    expect(audits.map((a) => a.action)).toContain('contact_request.resolve');
  });

  it('R-LIFE-4: resolving twice is a 409 naming the rule and changes nothing', async () => {
    const { id } = await helpRequested();
    const cdc = await staff('CDC');
    const first = await clientFor(ctx.app, cdc).POST('/api/v1/coordination/contact-requests/{id}/resolve', {
      params: { path: { id } },
    });
    const second = await clientFor(ctx.app, await staff('NIH')).POST(
      '/api/v1/coordination/contact-requests/{id}/resolve',
      { params: { path: { id } } },
    );
    expect(second.response.status).toBe(409);
    expect(second.error!.rule).toBe('R-LIFE-4');
    const [row] = await ctx.app.db
      .select()
      .from(coordinatorContactRequests)
      .where(eq(coordinatorContactRequests.id, id));
    expect(row!.resolvedBy).toBe(cdc.employee.id);
    expect(row!.resolvedAt!.toISOString()).toBe(first.data!.resolvedAt);
  });

  it('R-SEC-3: a coordinator outside both partners gets 404 and the request stays open', async () => {
    const { id } = await helpRequested();
    const res = await clientFor(ctx.app, await staff('FDA')).POST(
      '/api/v1/coordination/contact-requests/{id}/resolve',
      { params: { path: { id } } },
    );
    expect(res.response.status).toBe(404);
    const [row] = await ctx.app.db
      .select()
      .from(coordinatorContactRequests)
      .where(eq(coordinatorContactRequests.id, id));
    expect(row!.resolvedAt).toBeNull();
  });
});
