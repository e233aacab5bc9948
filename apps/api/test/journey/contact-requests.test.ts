import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, coordinatorContactRequests } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { mentee, mentor, pairUp } from '../helpers/people.js';
import { get, post, put } from './pairs.js';

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
    (await put(ctx.app, them, `/relationships/${relationshipId}/progress-reports/mentor`, report)).statusCode,
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
    const list = await get(ctx.app, nih, '/coordination/contact-requests');
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: Item) => i.id === id);
    expect(item).toMatchObject({
      role: 'mentor',
      requestedBy: { id: them.employee.id },
      resolvedAt: null,
      source: 'progress_report',
    });
    const fda = await staff('FDA');
    expect(
      (await get(ctx.app, fda, '/coordination/contact-requests')).json().items.map((i: Item) => i.id),
    ).not.toContain(id);
    expect((await get(ctx.app, nih, '/coordination/contact-requests?opdiv=FDA')).statusCode).toBe(403);
  });

  it('R-ROLE-2: participants cannot list contact requests', async () => {
    const { me } = await helpRequested();
    expect((await get(ctx.app, me, '/coordination/contact-requests')).statusCode).toBe(403);
  });

  it('R-LIFE-4: resolving records who and when, audits it, and moves it out of the open queue', async () => {
    const { relationshipId, id } = await helpRequested();
    const cdc = await staff('CDC');
    const res = await post(ctx.app, cdc, `/coordination/contact-requests/${id}/resolve`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, resolvedBy: cdc.employee.id });
    expect(
      (await get(ctx.app, cdc, '/coordination/contact-requests')).json().items.map((i: Item) => i.id),
    ).not.toContain(id);
    const resolved = (await get(ctx.app, cdc, '/coordination/contact-requests?status=resolved'))
      .json()
      .items.map((i: Item) => i.id);
    expect(resolved).toContain(id);
    const audits = await ctx.app.db.select().from(auditLog).where(eq(auditLog.objectId, relationshipId));
    expect(audits.map((a) => a.action)).toContain('contact_request.resolve');
  });

  it('R-LIFE-4: resolving twice is a 409 naming the rule and changes nothing', async () => {
    const { id } = await helpRequested();
    const cdc = await staff('CDC');
    const first = await post(ctx.app, cdc, `/coordination/contact-requests/${id}/resolve`);
    const second = await post(ctx.app, await staff('NIH'), `/coordination/contact-requests/${id}/resolve`);
    expect(second.statusCode).toBe(409);
    expect(second.json().rule).toBe('R-LIFE-4');
    const [row] = await ctx.app.db
      .select()
      .from(coordinatorContactRequests)
      .where(eq(coordinatorContactRequests.id, id));
    expect(row!.resolvedBy).toBe(cdc.employee.id);
    expect(row!.resolvedAt!.toISOString()).toBe(first.json().resolvedAt);
  });

  it('R-SEC-3: a coordinator outside both partners gets 404 and the request stays open', async () => {
    const { id } = await helpRequested();
    const res = await post(ctx.app, await staff('FDA'), `/coordination/contact-requests/${id}/resolve`);
    expect(res.statusCode).toBe(404);
    const [row] = await ctx.app.db
      .select()
      .from(coordinatorContactRequests)
      .where(eq(coordinatorContactRequests.id, id));
    expect(row!.resolvedAt).toBeNull();
  });
});
