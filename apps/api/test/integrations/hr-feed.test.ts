import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { employees, idempotencyKeys, notifications } from '../../src/db/schema/index.js';
import { pruneIdempotencyKeys } from '../../src/services/platform/idempotency.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeEmployee, makeUser } from '../helpers/factories.js';
import { makeSystemClient } from './helpers.js';

let ctx: TestContext;
let auth: Record<string, string>;
beforeAll(async () => {
  ctx = await makeTestApp();
  auth = await (await makeSystemClient(ctx.app, ['directory:write'])).token();
});
afterAll(() => ctx.close());

let n = 0;
function hrRow(overrides: Record<string, unknown> = {}) {
  n += 1;
  const id = `HR${Date.now().toString(36)}${n}`;
  return {
    id,
    firstName: 'Alex',
    lastName: `Feed${n}`,
    email: `${id.toLowerCase()}@hr.hhs.gov`,
    opdiv: 'CDC',
    payPlan: 'GS',
    grade: '12',
    occupationSeries: '0343',
    occupationTitle: 'Management Analyst',
    city: 'Atlanta',
    state: 'GA',
    timeZone: 'America/New_York',
    ...overrides,
  };
}
const post = (payload: object, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/integrations/hr/employees',
    headers: { ...auth, ...headers },
    payload,
  });
const countEmployees = async () =>
  (await queryRows<{ n: number }>(ctx.app.db, sql`select count(*)::int as n from employees`))[0]!.n;

describe('R-API-3: HR feed', () => {
  it('R-API-3: upserts a batch, and the same batch again changes nothing', async () => {
    const rows = [hrRow(), hrRow({ payPlan: 'CC', grade: 'O-5' }), hrRow({ payPlan: 'ES', grade: '' })];
    const first = await post({ employees: rows });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ received: 3, inserted: 3, updated: 0, unchanged: 0 });
    const again = await post({ employees: rows });
    expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    const changed = await post({ employees: [{ ...rows[0]!, city: 'Chamblee' }, rows[1]] });
    expect(changed.json()).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const [cc] = await ctx.app.db.select().from(employees).where(eq(employees.id, rows[1]!.id));
    expect(cc).toMatchObject({ gradeRank: 13, commissionedCorps: true });
  });

  it('R-API-3: an Idempotency-Key repeat returns the first answer', async () => {
    const rows = [hrRow()];
    const key = `hr-${rows[0]!.id}`;
    const first = await post({ employees: rows }, { 'idempotency-key': key });
    const replay = await post({ employees: rows }, { 'idempotency-key': key });
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    expect(replay.json()).toMatchObject({ inserted: 1 });
  });

  it('R-API-3: a stored answer is replayed for 7 days; after the daily prune the key is free again', async () => {
    const [oldKey, newKey] = [`old-${Date.now()}`, `new-${Date.now()}`];
    const rows = [hrRow()];
    expect((await post({ employees: rows }, { 'idempotency-key': oldKey })).statusCode).toBe(200);
    expect((await post({ employees: rows }, { 'idempotency-key': newKey })).statusCode).toBe(200);
    await ctx.app.db
      .update(idempotencyKeys)
      .set({ createdAt: new Date(Date.now() - 8 * 24 * 3_600_000) })
      .where(eq(idempotencyKeys.key, oldKey));
    expect(await pruneIdempotencyKeys(ctx.app.db, new Date())).toBe(1);
    const afterPrune = await post({ employees: rows }, { 'idempotency-key': oldKey });
    expect(afterPrune.headers['idempotent-replayed']).toBeUndefined();
    expect(afterPrune.json()).toMatchObject({ unchanged: 1 });
    expect(
      (await post({ employees: rows }, { 'idempotency-key': newKey })).headers['idempotent-replayed'],
    ).toBe('true');
  });

  it('R-API-3: two concurrent requests with one Idempotency-Key write once and answer alike', async () => {
    const rows = [hrRow(), hrRow()];
    const before = await countEmployees();
    const [a, b] = await Promise.all(
      [1, 2].map(() => post({ employees: rows }, { 'idempotency-key': `race-${rows[0]!.id}` })),
    );
    expect([a!.statusCode, b!.statusCode]).toEqual([200, 200]);
    expect(a!.json()).toEqual(b!.json());
    expect(a!.json()).toMatchObject({ inserted: 2 });
    expect(await countEmployees()).toBe(before + 2);
  });

  it('R-API-3: refuses more than 10,000 employees in one request', async () => {
    const row = hrRow();
    const res = await post({
      employees: Array.from({ length: 10_001 }, (_, i) => ({
        ...row,
        id: `BIG${i}`,
        email: `big${i}@hr.hhs.gov`,
      })),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('/body/employees');
  });

  it('R-API-3: the same Idempotency-Key with a different body is refused and writes nothing', async () => {
    const key = `hr-reuse-${n}`;
    await post({ employees: [hrRow()] }, { 'idempotency-key': key });
    const before = await countEmployees();
    const other = await post({ employees: [hrRow()] }, { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(other.json().type).toContain('idempotency-key-reused');
    expect(await countEmployees()).toBe(before);
  });

  it('R-API-3: one invalid row rejects the whole batch with per-row errors and writes nothing', async () => {
    const before = await countEmployees();
    const rows = [
      hrRow(),
      hrRow({ grade: '17' }),
      hrRow({ opdiv: 'XYZ' }),
      hrRow({ payPlan: 'WG', grade: '10' }),
    ];
    const res = await post({ employees: rows });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/body/employees/1/grade',
      '/body/employees/2/opdiv',
      '/body/employees/3/grade',
    ]);
    expect(await countEmployees()).toBe(before);
  });

  it('R-API-3: rows of the wrong shape are refused with the row’s field pointer', async () => {
    const res = await post({
      employees: [hrRow(), { ...hrRow(), grade: undefined, favouriteColour: 'blue' }],
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('/body/employees/1/grade');
    expect(fields).toContain('/body/employees/1/favouriteColour');
  });

  it('R-API-3: refuses an email that belongs to another employee', async () => {
    const existing = await makeEmployee(ctx.app);
    const res = await post({ employees: [hrRow({ email: existing.email.toUpperCase() })] });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: '/body/employees/0/email' });
  });
});

describe('R-API-3 with R-PLAT-1: HR changes that break a live S2J pair', () => {
  async function livePair() {
    const cdc = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    const nih = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'NIH' }] });
    const mentor = await makeEmployee(ctx.app, { opdiv: 'NIH', grade: '14' });
    const mentee = await makeEmployee(ctx.app, { opdiv: 'CDC', grade: '11' });
    const [rel] = await queryRows<{ id: string }>(
      ctx.app.db,
      sql`
      insert into relationships (mentee_id, mentor_id, platform, state, confirmed_at)
      values (${mentee.id}, ${mentor.id}, 's2j', 'active', now()) returning id`,
    );
    const asRow = (e: typeof mentee) => ({
      id: e.id,
      firstName: e.firstName,
      lastName: e.lastName,
      email: e.email,
      opdiv: e.opdiv,
      payPlan: e.payPlan,
      grade: e.grade,
      occupationSeries: e.occupationSeries,
      occupationTitle: e.occupationTitle,
      city: e.city,
      state: e.state,
      timeZone: e.timeZone,
      supervisorId: e.supervisorId,
    });
    const inbox = async (who: { employee: { id: string } }) =>
      ctx.app.db.select().from(notifications).where(eq(notifications.recipientId, who.employee.id));
    return { cdc, nih, mentor: asRow(mentor), mentee: asRow(mentee), relationshipId: rel!.id, inbox };
  }

  it('R-API-3: a grade change that makes the mentee equal to the mentor alerts both OPDIVs’ coordinators and keeps the pair', async () => {
    const p = await livePair();
    const res = await post({ employees: [{ ...p.mentee, grade: '14' }] });
    expect(res.json()).toMatchObject({ updated: 1, pairAlerts: 1 });
    for (const coordinator of [p.cdc, p.nih]) {
      const notes = await p.inbox(coordinator);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({
        kind: 'relationship.hr_rule_broken',
        link: `/relationships/${p.relationshipId}`,
      });
      expect(notes[0]!.body).toContain('higher grade');
    }
    const [rel] = await queryRows<{ state: string }>(
      ctx.app.db,
      sql`select state from relationships where id = ${p.relationshipId}`,
    );
    expect(rel!.state).toBe('active');
    const again = await post({ employees: [{ ...p.mentee, grade: '14' }] });
    expect(again.json()).toMatchObject({ unchanged: 1, pairAlerts: 0 });
    expect(await p.inbox(p.cdc)).toHaveLength(1);
  });

  it('R-API-3: a supervisor change that puts the mentor in the mentee’s chain alerts the coordinators', async () => {
    const p = await livePair();
    const res = await post({ employees: [{ ...p.mentee, supervisorId: p.mentor.id }] });
    expect(res.json()).toMatchObject({ pairAlerts: 1 });
    expect((await p.inbox(p.nih))[0]!.body).toContain('same reporting chain');
  });

  it('R-API-3: a change that keeps the pair within the rules alerts nobody', async () => {
    const p = await livePair();
    const res = await post({ employees: [{ ...p.mentee, grade: '12' }] });
    expect(res.json()).toMatchObject({ updated: 1, pairAlerts: 0 });
    expect(await p.inbox(p.cdc)).toHaveLength(0);
  });
});
