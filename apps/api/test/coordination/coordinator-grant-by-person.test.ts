import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, roleGrants } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeEmployee, makeUser } from '../helpers/factories.js';
import { staff } from '../helpers/people.js';

let ctx: TestContext;
let pm: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  ctx = await makeTestApp();
  pm = await staff.programManager(ctx.app);
});
afterAll(() => ctx.close());

const grant = (payload: object, auth = pm.auth) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/admin/coordinators', headers: auth, payload });
const counts = async () => ({
  grants: (await ctx.app.db.select().from(roleGrants)).length,
  audit: (await ctx.app.db.select().from(auditLog)).length,
});

describe('granting the coordinator role by person (program settings, R-ROLE-2)', () => {
  it('R-ROLE-2: the program manager names the person by employee id; the grant takes effect', async () => {
    const person = await makeUser(ctx.app, { employee: { opdiv: 'FDA' } });
    const res = await grant({ employeeId: person.employee.id, opdiv: 'FDA' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      userId: person.user.id,
      opdiv: 'FDA',
      employee: { id: person.employee.id },
    });
    const dash = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/coordination/dashboard',
      headers: person.auth,
    });
    expect(dash.json().scope).toEqual(['FDA']);
  });

  it('R-ROLE-2: by work email, in any letter case; a second grant of the same OPDIV is a 409 that changes nothing', async () => {
    const person = await makeUser(ctx.app, { employee: { opdiv: 'NIH' } });
    const res = await grant({ email: `  ${person.employee.email.toUpperCase()} `, opdiv: 'CDC' });
    expect(res.statusCode).toBe(201);
    expect(res.json().employee.id).toBe(person.employee.id);
    const before = await counts();
    expect((await grant({ email: person.employee.email, opdiv: 'CDC' })).statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('R-ACC-1: someone in the directory without an account gets a 409 telling them to sign in once; nothing changes', async () => {
    const noAccount = await makeEmployee(ctx.app, { opdiv: 'CDC' });
    const before = await counts();
    for (const payload of [{ employeeId: noAccount.id }, { email: noAccount.email }]) {
      const res = await grant({ ...payload, opdiv: 'CDC' });
      expect(res.statusCode).toBe(409);
      expect(res.json().rule).toBe('R-ACC-1');
      expect(res.json().detail).toMatch(/sign in .* once/);
    }
    expect(await counts()).toEqual(before);
  });

  it('R-ROLE-2: an unknown person is a 404, naming no person or several is a 400; nothing changes', async () => {
    const person = await makeUser(ctx.app);
    const before = await counts();
    expect((await grant({ employeeId: 'NOBODY-1', opdiv: 'CDC' })).statusCode).toBe(404);
    expect((await grant({ email: 'nobody@nowhere.hhs.gov', opdiv: 'CDC' })).statusCode).toBe(404);
    expect((await grant({ opdiv: 'CDC' })).statusCode).toBe(400);
    const both = await grant({ employeeId: person.employee.id, email: person.employee.email, opdiv: 'CDC' });
    expect(both.statusCode).toBe(400);
    expect(both.headers['content-type']).toContain('application/problem+json');
    expect(await counts()).toEqual(before);
  });

  it('R-ROLE-2: a coordinator cannot grant by employee id either', async () => {
    const coordinator = await staff.coordinator(ctx.app, 'CDC');
    const before = await counts();
    expect(
      (await grant({ employeeId: coordinator.employee.id, opdiv: 'NIH' }, coordinator.auth)).statusCode,
    ).toBe(403);
    expect(await counts()).toEqual(before);
  });
});
