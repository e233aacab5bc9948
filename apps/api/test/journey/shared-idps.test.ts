import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, employees } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { mentee, mentor, pairUp } from '../helpers/people.js';
import { clientFor } from '../helpers/client.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

const idp = {
  strengths: 'Analysis',
  developmentalNeeds: ['strategic-thinking'],
  objectives: [{ text: 'Lead a project' }],
  activities: [],
  reviewDates: [],
  version: 0,
};
type Item = {
  relationshipId: string;
  mentee: { id: string };
  inputGiven: boolean;
  myInputAt: string | null;
  sharedAt: string;
};
const list = async (who: { auth: Record<string, string>; employee: { id: string } }) => {
  const res = await clientFor(ctx.app, who).GET('/api/v1/me/shared-idps');
  expect(res.response.status).toBe(200);
  return res.data!.items as Item[];
};

async function reportWithIdp(bossId: string, share: boolean) {
  const me = await mentee(ctx.app, { supervisorId: bossId });
  const them = await mentor(ctx.app);
  const id = await pairUp(ctx.app, me, them);
  expect(
    (
      await clientFor(ctx.app, me).PUT('/api/v1/relationships/{id}/idp', {
        params: { path: { id } },
        body: idp,
      })
    ).response.status,
  ).toBe(200);
  if (share)
    expect(
      (
        await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/idp/share', {
          params: { path: { id } },
        })
      ).response.status,
    ).toBe(200);
  return { me, them, id };
}

describe('GET /me/shared-idps: the IDPs my direct reports shared with me (R-SEC-1)', () => {
  it('R-SEC-1: lists only shared IDPs of my direct reports, with whether I gave input; each one opens', async () => {
    const boss = await makeUser(ctx.app, { employee: { grade: '15' } });
    const shared = await reportWithIdp(boss.employee.id, true);
    await reportWithIdp(boss.employee.id, false);
    let items = await list(boss);
    expect(items.map((i) => i.relationshipId)).toEqual([shared.id]);
    expect(items[0]).toMatchObject({
      mentee: { id: shared.me.employee.id },
      inputGiven: false,
      myInputAt: null,
    });
    const read = await clientFor(ctx.app, boss).GET('/api/v1/relationships/{id}/idp', {
      params: { path: { id: shared.id } },
    });
    expect(read.response.status).toBe(200);
    const input = await clientFor(ctx.app, boss).PUT('/api/v1/relationships/{id}/idp/supervisor-input', {
      params: { path: { id: shared.id } },
      body: { input: 'Supportive' },
      headers: { 'if-match': read.response.headers.get('etag') as string },
    });
    expect(input.response.status).toBe(200);
    items = await list(boss);
    expect(items[0]).toMatchObject({ inputGiven: true });
    expect(items[0]!.myInputAt).toBeTruthy();
  });

  it('R-SEC-1, R-SEC-3: nobody else sees the shared IDP in their list, and a former supervisor loses it', async () => {
    const boss = await makeUser(ctx.app, { employee: { grade: '15' } });
    const otherBoss = await makeUser(ctx.app, { employee: { grade: '15' } });
    const coordinator = await makeUser(ctx.app, {
      employee: { opdiv: 'CDC' },
      grants: [{ role: 'coordinator', opdiv: 'CDC' }],
    });
    const { me, them } = await reportWithIdp(boss.employee.id, true);
    for (const who of [otherBoss, coordinator, me, them]) expect(await list(who)).toEqual([]);
    expect(await list(boss)).toHaveLength(1);
    // The directory moves the mentee under another supervisor: the old one no longer reaches the IDP (readIdp agrees).
    await ctx.app.db
      .update(employees)
      .set({ supervisorId: otherBoss.employee.id })
      .where(eq(employees.id, me.employee.id));
    expect(await list(boss)).toEqual([]);
    expect(await list(otherBoss)).toEqual([]);
  });

  it('R-ADMIN-3: the list holds names and dates, not document content, so listing writes no audit entry', async () => {
    const boss = await makeUser(ctx.app, { employee: { grade: '15' } });
    const { id } = await reportWithIdp(boss.employee.id, true);
    const before = await ctx.app.db.select().from(auditLog).where(eq(auditLog.objectId, id));
    const [item] = await list(boss);
    expect(Object.keys(item!)).not.toContain('strengths');
    expect(await ctx.app.db.select().from(auditLog).where(eq(auditLog.objectId, id))).toHaveLength(
      before.length,
    );
  });
});
