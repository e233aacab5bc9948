import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, roleGrants } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
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

const call = (
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  auth: Record<string, string>,
  payload?: object,
) => ctx.app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });

describe('coordinators and their OPDIV scopes (program settings, R-ROLE-2)', () => {
  let grantId = '';
  it('R-ROLE-2: the program manager makes a user coordinator of an OPDIV; it is audited and takes effect', async () => {
    expect((await call('GET', '/api/v1/coordination/dashboard', person.auth)).statusCode).toBe(403);
    const res = await call('POST', '/api/v1/admin/coordinators', pm.auth, {
      userId: person.user.id,
      opdiv: 'FDA',
    });
    expect(res.statusCode).toBe(201);
    grantId = res.json().id;
    expect(res.json()).toMatchObject({ opdiv: 'FDA', employee: { id: person.employee.id } });
    const dash = await call('GET', '/api/v1/coordination/dashboard', person.auth);
    expect(dash.statusCode).toBe(200);
    expect(dash.json().scope).toEqual(['FDA']);
    expect(
      (await call('POST', '/api/v1/admin/coordinators', pm.auth, { userId: person.user.id, opdiv: 'FDA' }))
        .statusCode,
    ).toBe(409);
    const list = (await call('GET', '/api/v1/admin/coordinators?opdiv=FDA', pm.auth)).json();
    expect(list.items.map((g: { id: string }) => g.id)).toEqual([grantId]);
    const audits = await ctx.app.db.select().from(auditLog).where(eq(auditLog.objectId, grantId));
    expect(audits.map((a) => a.action)).toEqual(['coordinator.grant']);
  });

  it('R-ROLE-2: only the program manager manages coordinators; a refused grant changes nothing', async () => {
    const before = await ctx.app.db.select().from(roleGrants);
    expect(
      (
        await call('POST', '/api/v1/admin/coordinators', coordinator.auth, {
          userId: coordinator.user.id,
          opdiv: 'NIH',
        })
      ).statusCode,
    ).toBe(403);
    expect((await call('GET', '/api/v1/admin/coordinators', coordinator.auth)).statusCode).toBe(403);
    expect(await ctx.app.db.select().from(roleGrants)).toHaveLength(before.length);
  });

  it('R-ROLE-2: revoking the grant removes the scope, audited', async () => {
    expect((await call('DELETE', `/api/v1/admin/coordinators/${grantId}`, pm.auth)).statusCode).toBe(204);
    expect((await call('GET', '/api/v1/coordination/dashboard', person.auth)).statusCode).toBe(403);
    const audits = await ctx.app.db.select().from(auditLog).where(eq(auditLog.objectId, grantId));
    expect(audits.map((a) => a.action).sort()).toEqual(['coordinator.grant', 'coordinator.revoke']);
    expect((await call('DELETE', `/api/v1/admin/coordinators/${grantId}`, pm.auth)).statusCode).toBe(404);
  });
});
