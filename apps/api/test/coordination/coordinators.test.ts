import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, roleGrants } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { clientFor } from '../helpers/client.js';
import { makeUser } from '../helpers/factories.js';
import { staff } from '../helpers/people.js';

let ctx: TestContext;
let pm: Awaited<ReturnType<typeof makeUser>>;
let person: Awaited<ReturnType<typeof makeUser>>;
let coordinator: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  ctx = await makeTestApp();
  pm = await staff.programManager(ctx.app);
  coordinator = await staff.coordinator(ctx.app, 'CDC');
  person = await makeUser(ctx.app, { employee: { opdiv: 'FDA' } });
});
afterAll(() => ctx.close());

describe('coordinators and their OPDIV scopes (program settings, R-ROLE-2)', () => {
  let grantId = '';
  it('R-ROLE-2: the program manager makes a user coordinator of an OPDIV; it is audited and takes effect', async () => {
    expect(
      (await clientFor(ctx.app, person.auth).GET('/api/v1/coordination/dashboard')).response.status,
    ).toBe(403);
    const res = await clientFor(ctx.app, pm.auth).POST('/api/v1/admin/coordinators', {
      body: {
        userId: person.user.id,
        opdiv: 'FDA',
      },
    });
    expect(res.response.status).toBe(201);
    grantId = res.data!.id;
    expect(res.data!).toMatchObject({ opdiv: 'FDA', employee: { id: person.employee.id } });
    const dash = await clientFor(ctx.app, person.auth).GET('/api/v1/coordination/dashboard');
    expect(dash.response.status).toBe(200);
    expect(dash.data!.scope).toEqual(['FDA']);
    expect(
      (
        await clientFor(ctx.app, pm.auth).POST('/api/v1/admin/coordinators', {
          body: { userId: person.user.id, opdiv: 'FDA' },
        })
      ).response.status,
    ).toBe(409);
    const list = (
      await clientFor(ctx.app, pm.auth).GET('/api/v1/admin/coordinators', {
        params: { query: { opdiv: 'FDA' } },
      })
    ).data!;
    expect(list.items.map((g: { id: string }) => g.id)).toEqual([grantId]);
    const audits = await ctx.app.db.select().from(auditLog).where(eq(auditLog.objectId, grantId));
    expect(audits.map((a) => a.action)).toEqual(['coordinator.grant']);
  });

  it('R-ROLE-2: only the program manager manages coordinators; a refused grant changes nothing', async () => {
    const before = await ctx.app.db.select().from(roleGrants);
    expect(
      (
        await clientFor(ctx.app, coordinator.auth).POST('/api/v1/admin/coordinators', {
          body: {
            userId: coordinator.user.id,
            opdiv: 'NIH',
          },
        })
      ).response.status,
    ).toBe(403);
    expect(
      (await clientFor(ctx.app, coordinator.auth).GET('/api/v1/admin/coordinators')).response.status,
    ).toBe(403);
    expect(await ctx.app.db.select().from(roleGrants)).toHaveLength(before.length);
  });

  it('R-ROLE-2: revoking the grant removes the scope, audited', async () => {
    expect(
      (
        await clientFor(ctx.app, pm.auth).DELETE('/api/v1/admin/coordinators/{id}', {
          params: { path: { id: grantId } },
        })
      ).response.status,
    ).toBe(204);
    expect(
      (await clientFor(ctx.app, person.auth).GET('/api/v1/coordination/dashboard')).response.status,
    ).toBe(403);
    const audits = await ctx.app.db.select().from(auditLog).where(eq(auditLog.objectId, grantId));
    expect(audits.map((a) => a.action).sort()).toEqual(['coordinator.grant', 'coordinator.revoke']);
    expect(
      (
        await clientFor(ctx.app, pm.auth).DELETE('/api/v1/admin/coordinators/{id}', {
          params: { path: { id: grantId } },
        })
      ).response.status,
    ).toBe(404);
  });
});
