import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { makeSystemClient } from '../integrations/helpers.js';
import { checkEndpoint, urlPolicy } from '../../src/services/integrations/webhooks/url-policy.js';
import { MAX_SUBSCRIPTIONS_PER_CLIENT } from '../../src/services/integrations/webhooks/subscriptions.js';
import { subscribe } from './helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: object, payload?: object) =>
  ctx.app.inject({
    method,
    url,
    headers: headers as Record<string, string>,
    ...(payload ? { payload } : {}),
  });

describe('R-HOOK-1: webhook subscriptions belong to their system client', () => {
  it('R-HOOK-1: a client subscribes with an event filter; the secret is shown once, never read back', async () => {
    const { auth, id, secret } = await subscribe(ctx.app, 'https://warehouse.example.gov/hooks', [
      'invitation.*',
      'milestone.updated',
    ]);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const one = await call('GET', `/api/v1/webhooks/${id}`, auth);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ eventTypes: ['invitation.*', 'milestone.updated'], enabled: true });
    expect(one.body).not.toContain(secret.slice(6, 20));
    const list = await call('GET', '/api/v1/webhooks', auth);
    expect(list.json<{ items: Array<{ id: string }> }>().items.map((s) => s.id)).toEqual([id]);
    expect(list.body).not.toContain('whsec_');
  });

  it('R-HOOK-1: a client never sees, changes or deletes another client’s endpoint (404, as if absent)', async () => {
    const a = await subscribe(ctx.app, 'https://a.example.gov/hooks');
    const b = await subscribe(ctx.app, 'https://b.example.gov/hooks');
    for (const [method, url, body] of [
      ['GET', `/api/v1/webhooks/${a.id}`],
      ['PATCH', `/api/v1/webhooks/${a.id}`, { enabled: false }],
      ['DELETE', `/api/v1/webhooks/${a.id}`],
      ['GET', `/api/v1/webhooks/${a.id}/deliveries`],
    ] as const)
      expect((await call(method, url, b.auth, body)).statusCode, `${method} ${url}`).toBe(404);
    const list = await call('GET', '/api/v1/webhooks', b.auth);
    expect(list.json<{ items: Array<{ id: string }> }>().items.map((s) => s.id)).toEqual([b.id]);
    expect((await call('GET', `/api/v1/webhooks/${a.id}`, a.auth)).json()).toMatchObject({ enabled: true });
  });

  it('R-HOOK-1: only a system client with webhooks:manage manages endpoints; people are refused', async () => {
    const other = await makeSystemClient(ctx.app, ['reports:read'], 'Reports only');
    expect((await call('GET', '/api/v1/webhooks', await other.token())).statusCode).toBe(403);
    const pm = await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] });
    expect((await call('GET', '/api/v1/webhooks', pm.auth)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/webhooks', {})).statusCode).toBe(401);
  });

  it('R-HOOK-1: bad filters and bodies are 400 problems and change nothing', async () => {
    const { auth } = await subscribe(ctx.app, 'https://c.example.gov/hooks');
    for (const payload of [
      { url: 'https://c.example.gov/x', eventTypes: ['employee.*'] },
      { url: 'https://c.example.gov/x', eventTypes: [] },
      { url: 'ftp://c.example.gov/x', eventTypes: ['invitation.*'] },
      { url: 'https://c.example.gov/x', eventTypes: ['invitation.*'], secret: 'mine' },
    ]) {
      const res = await call('POST', '/api/v1/webhooks', auth, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await call('GET', '/api/v1/webhooks', auth)).json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('R-HOOK-1: a client can change, switch off and delete its endpoint', async () => {
    const { auth, id } = await subscribe(ctx.app, 'https://d.example.gov/hooks');
    const changed = await call('PATCH', `/api/v1/webhooks/${id}`, auth, {
      url: 'https://d.example.gov/v2',
      eventTypes: ['relationship.*'],
      enabled: false,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      url: 'https://d.example.gov/v2',
      eventTypes: ['relationship.*'],
      enabled: false,
      disabledReason: 'client',
    });
    expect((await call('DELETE', `/api/v1/webhooks/${id}`, auth)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/webhooks/${id}`, auth)).statusCode).toBe(404);
  });

  it(`R-HOOK-1: a client has at most ${MAX_SUBSCRIPTIONS_PER_CLIENT} endpoints`, async () => {
    const { auth } = await subscribe(ctx.app, 'https://e.example.gov/0');
    for (let i = 1; i < MAX_SUBSCRIPTIONS_PER_CLIENT; i++)
      expect(
        (
          await call('POST', '/api/v1/webhooks', auth, {
            url: `https://e.example.gov/${i}`,
            eventTypes: ['milestone.*'],
          })
        ).statusCode,
      ).toBe(201);
    const refused = await call('POST', '/api/v1/webhooks', auth, {
      url: 'https://e.example.gov/x',
      eventTypes: ['milestone.*'],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ rule: 'R-HOOK-1' });
  });

  it('R-HOOK-1: the program manager sees every client’s endpoints (no secrets) and can switch one off and on', async () => {
    const a = await subscribe(ctx.app, 'https://f.example.gov/hooks');
    const pm = await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] });
    const items: Array<{ id: string; clientName?: string }> = [];
    for (let url: string | null = '/api/v1/webhook-endpoints?limit=5'; url;) {
      const page = await call('GET', url, pm.auth);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('whsec_');
      const body = page.json<{ items: typeof items; next: string | null }>();
      items.push(...body.items);
      url = body.next;
    }
    expect(items.find((s) => s.id === a.id)).toMatchObject({ clientName: 'Warehouse events' });
    const off = await call('PATCH', `/api/v1/webhook-endpoints/${a.id}`, pm.auth, { enabled: false });
    expect(off.json()).toMatchObject({ enabled: false, disabledReason: 'program_manager' });
    expect((await call('GET', `/api/v1/webhooks/${a.id}`, a.auth)).json()).toMatchObject({ enabled: false });
    const on = await call('PATCH', `/api/v1/webhook-endpoints/${a.id}`, pm.auth, { enabled: true });
    expect(on.json()).toMatchObject({ enabled: true, disabledReason: null });
    const participant = await makeUser(ctx.app);
    expect((await call('GET', '/api/v1/webhook-endpoints', participant.auth)).statusCode).toBe(403);
  });
});

describe('R-HOOK-7: endpoints must be public https addresses in production', () => {
  const production = urlPolicy({ NODE_ENV: 'production' });

  it('R-HOOK-7: production refuses http, credentials, and loopback, private, link-local or mapped addresses', () => {
    expect(production.allowPrivate).toBe(false);
    for (const url of [
      'http://warehouse.example.gov/hooks',
      'https://user:pw@warehouse.example.gov/hooks',
      'https://127.0.0.1/hooks',
      'https://10.1.2.3/hooks',
      'https://192.168.0.10/hooks',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hooks',
      'https://[fd00::1]/hooks',
      'https://[::ffff:127.0.0.1]/hooks',
      'https://localhost:8443/hooks',
      'https://0.0.0.0/hooks',
    ])
      expect(checkEndpoint(url, production), url).toMatchObject({ rule: 'R-HOOK-7' });
    expect(checkEndpoint('https://warehouse.example.gov/hooks', production)).toBeNull();
    expect(checkEndpoint('https://8.8.8.8/hooks', production)).toBeNull();
  });

  it('R-HOOK-7: outside production (tests, development) local receivers are allowed unless switched off', () => {
    expect(urlPolicy({ NODE_ENV: 'test' }).allowPrivate).toBe(true);
    expect(urlPolicy({ NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'on' }).allowPrivate).toBe(
      true,
    );
    expect(checkEndpoint('http://127.0.0.1:9000/hooks', { allowPrivate: true })).toBeNull();
  });

  it('R-HOOK-7: with private networks off, the API refuses a private endpoint with a 422 naming the rule', async () => {
    const strict = await makeTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'off' });
    try {
      const client = await makeSystemClient(strict.app, ['webhooks:manage'], 'Strict');
      const res = await strict.app.inject({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: await client.token(),
        payload: { url: 'https://10.0.0.8/hooks', eventTypes: ['invitation.*'] },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ rule: 'R-HOOK-7' });
    } finally {
      await strict.close();
    }
    // A second app with its own database: slow on a loaded machine.
  }, 180_000);
});
