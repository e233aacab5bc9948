import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, SYSTEM_AUDIT } from '../../src/services/platform/audit.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeEmployee, makeUser } from '../helpers/factories.js';
import { makeSystemClient } from './helpers.js';

let ctx: TestContext;
let monitor: Record<string, string>;
let hr: Record<string, string>;
let reports: Record<string, string>;
const tag = `t${Date.now().toString(36)}`;
beforeAll(async () => {
  ctx = await makeTestApp();
  monitor = await (await makeSystemClient(ctx.app, ['audit:read'], 'Security monitor')).token();
  hr = await (await makeSystemClient(ctx.app, ['directory:read', 'directory:write'], 'HR Connect')).token();
  reports = await (await makeSystemClient(ctx.app, ['reports:read'], 'Warehouse')).token();
  for (const [action, opdivs, actorId] of [
    ['relationship.termination_guidance', ['CDC'], 'E1'],
    ['training.attendance', ['FDA'], 'E2'],
    ['settings.update', [], 'E1'],
  ] as const)
    await audit(
      ctx.app.db,
      { ...SYSTEM_AUDIT, actorId, actorLabel: 'Someone' },
      { action, objectType: tag, objectId: action, opdivs: [...opdivs] },
    );
});
afterAll(() => ctx.close());

const get = (url: string, headers: Record<string, string>) => ctx.app.inject({ method: 'GET', url, headers });

describe('audit:read — the audit log for a security monitor (R-AUD-1)', () => {
  it('R-AUD-1: a system client with audit:read pages the whole log, filtered by actor, action, object type and time', async () => {
    const all = await get(`/api/v1/audit?objectType=${tag}`, monitor);
    expect(all.statusCode).toBe(200);
    expect(all.json<{ total: number }>().total).toBe(3);
    const byActor = await get(`/api/v1/audit?objectType=${tag}&actor=E1&action=relationship.`, monitor);
    expect(byActor.json<{ items: { action: string }[] }>().items.map((i) => i.action)).toEqual([
      'relationship.termination_guidance',
    ]);
    const future = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    expect((await get(`/api/v1/audit?objectType=${tag}&from=${future}`, monitor)).json().items).toEqual([]);
    const first = await get(`/api/v1/audit?objectType=${tag}&limit=2`, monitor);
    expect(first.headers.link).toMatch(/rel="next"/);
    const next = await get(first.json<{ next: string }>().next, monitor);
    expect(next.json().items).toHaveLength(1);
  });

  it('R-AUD-1: the token request of the monitor itself is in the log it reads', async () => {
    const res = await get('/api/v1/audit?action=oauth.token&limit=100', monitor);
    expect(
      res.json<{ items: { actorLabel: string }[] }>().items.some((i) => i.actorLabel === 'Security monitor'),
    ).toBe(true);
  });

  it('R-AUD-1: other scopes and participants are refused; bad filters are a 400 problem', async () => {
    expect((await get('/api/v1/audit', reports)).statusCode).toBe(403);
    expect((await get('/api/v1/audit', hr)).statusCode).toBe(403);
    expect((await get('/api/v1/audit', (await makeUser(ctx.app)).auth)).statusCode).toBe(403);
    const bad = await get('/api/v1/audit?from=yesterday', monitor);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});

describe('directory:read — the directory read back for HR reconciliation (R-DIR-4)', () => {
  it('R-DIR-4: pages every employee by id with the fields HR sent, and `ids` fetches the ones a change feed named', async () => {
    const a = await makeEmployee(ctx.app, { phone: '555-0100', supervisorId: 'S1' });
    const b = await makeEmployee(ctx.app);
    const seen: string[] = [];
    let url: string | null = '/api/v1/integrations/hr/employees?limit=3';
    while (url) {
      const res = await get(url, hr);
      expect(res.statusCode).toBe(200);
      const body = res.json<{ items: { id: string }[]; next: string | null }>();
      seen.push(...body.items.map((i) => i.id));
      url = body.next;
    }
    expect(seen).toContain(a.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    const picked = await get(`/api/v1/integrations/hr/employees?ids=${a.id},${b.id}`, hr);
    const items = picked.json<{ items: Record<string, unknown>[] }>().items;
    expect(items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(items.find((i) => i.id === a.id)).toMatchObject({
      email: a.email,
      phone: '555-0100',
      supervisorId: 'S1',
      active: true,
      opdiv: a.opdiv,
    });
    expect(items[0]).not.toHaveProperty('gradeRank');
    expect(items[0]).not.toHaveProperty('inProgram');
  });

  it('R-DIR-4: needs directory:read; malformed ids are a 400 problem', async () => {
    expect((await get('/api/v1/integrations/hr/employees', reports)).statusCode).toBe(403);
    expect((await get('/api/v1/integrations/hr/employees', monitor)).statusCode).toBe(403);
    expect((await get('/api/v1/integrations/hr/employees', (await makeUser(ctx.app)).auth)).statusCode).toBe(
      403,
    );
    for (const ids of ['a,,b', "x'; drop", Array.from({ length: 101 }, (_, i) => `E${i}`).join(',')]) {
      const res = await get(`/api/v1/integrations/hr/employees?ids=${encodeURIComponent(ids)}`, hr);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
