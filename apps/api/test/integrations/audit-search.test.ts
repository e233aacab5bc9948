import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { audit, SYSTEM_AUDIT } from '../../src/services/platform/audit.js';
import type { AuditAction } from '../../src/services/platform/audit-actions.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let ctx: TestContext;
const tag = `t${Date.now().toString(36)}`;
beforeAll(async () => {
  ctx = await makeTestApp();
  const entry = (action: AuditAction, objectId: string, opdivs: string[], actorId = 'E1') =>
    audit(
      ctx.app.db,
      { ...SYSTEM_AUDIT, actorId, actorLabel: 'Someone' },
      { action, objectType: tag, objectId, opdivs },
    );
  await entry('relationship.termination_guidance', 'cdc-only', ['CDC']);
  await entry('relationship.termination_guidance', 'cdc-and-nih', ['CDC', 'NIH'], 'E2');
  await entry('training.attendance', 'fda-only', ['FDA']);
  await entry('settings.update', 'department', []);
});
afterAll(() => ctx.close());

const search = async (auth: Record<string, string>, query: string) => {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/v1/audit?objectType=${tag}&${query}`,
    headers: auth,
  });
  return {
    res,
    ids: (res.json().items ?? []).map((i: { objectId: string }) => i.objectId).sort() as string[],
  };
};

describe('R-ADMIN-3: audit log search and append-only storage', () => {
  it('R-ADMIN-3: a coordinator finds only rows concerning their OPDIVs (R-ROLE-2)', async () => {
    const cdc = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    const { res, ids } = await search(cdc.auth, '');
    expect(res.statusCode).toBe(200);
    expect(ids).toEqual(['cdc-and-nih', 'cdc-only']);
    expect(res.json().total).toBe(2);
  });

  it('R-ADMIN-3: the program manager finds every row, filtered by actor, action prefix and dates', async () => {
    const pm = await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] });
    expect((await search(pm.auth, '')).ids).toEqual(['cdc-and-nih', 'cdc-only', 'department', 'fda-only']);
    expect((await search(pm.auth, 'actor=E2')).ids).toEqual(['cdc-and-nih']);
    expect((await search(pm.auth, 'action=relationship.')).ids).toEqual(['cdc-and-nih', 'cdc-only']);
    expect((await search(pm.auth, 'objectId=fda-only')).ids).toEqual(['fda-only']);
    expect((await search(pm.auth, `to=${encodeURIComponent('2000-01-01T00:00:00Z')}`)).ids).toEqual([]);
    const first = await search(pm.auth, 'limit=1');
    const cursor = new URL(first.res.json().next, 'http://x').searchParams.get('cursor')!;
    const page = await search(pm.auth, `limit=1&cursor=${cursor}`);
    expect(page.res.json()).toMatchObject({ total: 4, limit: 1 });
    expect(page.ids).toHaveLength(1);
    expect(page.ids).not.toEqual(first.ids);
  });

  it('R-ADMIN-3: participants cannot search the audit log', async () => {
    const participant = await makeUser(ctx.app);
    expect((await search(participant.auth, '')).res.statusCode).toBe(403);
  });

  it('R-ADMIN-3: the database refuses UPDATE and DELETE on audit_log', async () => {
    const before = await queryRows<{ n: number }>(ctx.app.db, sql`select count(*)::int as n from audit_log`);
    await expect(ctx.app.db.execute(sql`update audit_log set action = 'tampered'`)).rejects.toThrow();
    await expect(ctx.app.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    const after = await queryRows<{ n: number; tampered: number }>(
      ctx.app.db,
      sql`select count(*)::int as n, count(*) filter (where action = 'tampered')::int as tampered from audit_log`,
    );
    expect(after[0]).toEqual({ n: before[0]!.n, tampered: 0 });
  });
});
