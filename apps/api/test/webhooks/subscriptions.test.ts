import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { clientFor, type RequestBody } from '../helpers/client.js';
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

describe('R-HOOK-1: webhook subscriptions belong to their system client', () => {
  it('R-HOOK-1: a client subscribes with an event filter; the secret is shown once, never read back', async () => {
    const { auth, id, secret } = await subscribe(ctx.app, 'https://warehouse.example.gov/hooks', [
      'invitation.*',
      'milestone.updated',
    ]);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const one = await clientFor(ctx.app, auth).GET('/api/v1/webhooks/{id}', { params: { path: { id } } });
    expect(one.response.status).toBe(200);
    expect(one.data!).toMatchObject({ eventTypes: ['invitation.*', 'milestone.updated'], enabled: true });
    expect(JSON.stringify(one.data)).not.toContain(secret.slice(6, 20));
    const list = await clientFor(ctx.app, auth).GET('/api/v1/webhooks');
    expect(list.data!.items.map((s) => s.id)).toEqual([id]);
    expect(JSON.stringify(list.data)).not.toContain('whsec_');
  });

  it('R-HOOK-1: a client never sees, changes or deletes another client’s endpoint (404, as if absent)', async () => {
    const a = await subscribe(ctx.app, 'https://a.example.gov/hooks');
    const b = await subscribe(ctx.app, 'https://b.example.gov/hooks');
    const asB = clientFor(ctx.app, b.auth);
    const path = { params: { path: { id: a.id } } };
    for (const [what, res] of [
      ['GET /webhooks/{id}', await asB.GET('/api/v1/webhooks/{id}', path)],
      [
        'PATCH /webhooks/{id}',
        await asB.PATCH('/api/v1/webhooks/{id}', { ...path, body: { enabled: false } }),
      ],
      ['DELETE /webhooks/{id}', await asB.DELETE('/api/v1/webhooks/{id}', path)],
      ['GET /webhooks/{id}/deliveries', await asB.GET('/api/v1/webhooks/{id}/deliveries', path)],
    ] as const)
      expect(res.response.status, what).toBe(404);
    const list = await clientFor(ctx.app, b.auth).GET('/api/v1/webhooks');
    expect(list.data!.items.map((s) => s.id)).toEqual([b.id]);
    expect(
      (await clientFor(ctx.app, a.auth).GET('/api/v1/webhooks/{id}', { params: { path: { id: a.id } } }))
        .data!,
    ).toMatchObject({ enabled: true });
  });

  it('R-HOOK-1: only a system client with webhooks:manage manages endpoints; people are refused', async () => {
    const other = await makeSystemClient(ctx.app, ['reports:read'], 'Reports only');
    expect((await clientFor(ctx.app, await other.token()).GET('/api/v1/webhooks')).response.status).toBe(403);
    const pm = await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] });
    expect((await clientFor(ctx.app, pm.auth).GET('/api/v1/webhooks')).response.status).toBe(403);
    expect((await clientFor(ctx.app, {}).GET('/api/v1/webhooks')).response.status).toBe(401);
  });

  it('R-HOOK-1: bad filters and bodies are 400 problems and change nothing', async () => {
    const { auth } = await subscribe(ctx.app, 'https://c.example.gov/hooks');
    for (const payload of [
      { url: 'https://c.example.gov/x', eventTypes: ['employee.*'] },
      { url: 'https://c.example.gov/x', eventTypes: [] },
      { url: 'ftp://c.example.gov/x', eventTypes: ['invitation.*'] },
      { url: 'https://c.example.gov/x', eventTypes: ['invitation.*'], secret: 'mine' },
    ]) {
      // Bodies the schema refuses, on purpose: past the client's types, to the API's validation.
      const body = payload as RequestBody<'/api/v1/webhooks', 'post'>;
      const res = await clientFor(ctx.app, auth).POST('/api/v1/webhooks', { body });
      expect(res.response.status, JSON.stringify(payload)).toBe(400);
      expect(res.response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await clientFor(ctx.app, auth).GET('/api/v1/webhooks')).data!.items).toHaveLength(1);
  });

  it('R-HOOK-1: a client can change, switch off and delete its endpoint', async () => {
    const { auth, id } = await subscribe(ctx.app, 'https://d.example.gov/hooks');
    const changed = await clientFor(ctx.app, auth).PATCH('/api/v1/webhooks/{id}', {
      params: { path: { id } },
      body: {
        url: 'https://d.example.gov/v2',
        eventTypes: ['relationship.*'],
        enabled: false,
      },
    });
    expect(changed.response.status).toBe(200);
    expect(changed.data!).toMatchObject({
      url: 'https://d.example.gov/v2',
      eventTypes: ['relationship.*'],
      enabled: false,
      disabledReason: 'client',
    });
    expect(
      (await clientFor(ctx.app, auth).DELETE('/api/v1/webhooks/{id}', { params: { path: { id } } })).response
        .status,
    ).toBe(204);
    expect(
      (await clientFor(ctx.app, auth).GET('/api/v1/webhooks/{id}', { params: { path: { id } } })).response
        .status,
    ).toBe(404);
  });

  it(`R-HOOK-1: a client has at most ${MAX_SUBSCRIPTIONS_PER_CLIENT} endpoints`, async () => {
    const { auth } = await subscribe(ctx.app, 'https://e.example.gov/0');
    for (let i = 1; i < MAX_SUBSCRIPTIONS_PER_CLIENT; i++)
      expect(
        (
          await clientFor(ctx.app, auth).POST('/api/v1/webhooks', {
            body: {
              url: `https://e.example.gov/${i}`,
              eventTypes: ['milestone.*'],
            },
          })
        ).response.status,
      ).toBe(201);
    const refused = await clientFor(ctx.app, auth).POST('/api/v1/webhooks', {
      body: {
        url: 'https://e.example.gov/x',
        eventTypes: ['milestone.*'],
      },
    });
    expect(refused.response.status).toBe(409);
    expect(refused.error).toMatchObject({ rule: 'R-HOOK-1' });
  });

  it('R-HOOK-1: the program manager sees every client’s endpoints (no secrets) and can switch one off and on', async () => {
    const a = await subscribe(ctx.app, 'https://f.example.gov/hooks');
    const pm = await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] });
    const items: Array<{ id: string; clientName?: string }> = [];
    for (let url: string | null = '/api/v1/webhook-endpoints?limit=5'; url;) {
      // The `next` link is followed as the API wrote it: an opaque URL, so through app.inject (decision 0014).
      const page: LightMyRequestResponse = await ctx.app.inject({ method: 'GET', url, headers: pm.auth });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('whsec_');
      const body = page.json<{ items: typeof items; next: string | null }>();
      items.push(...body.items);
      url = body.next;
    }
    expect(items.find((s) => s.id === a.id)).toMatchObject({ clientName: 'Warehouse events' });
    const off = await clientFor(ctx.app, pm.auth).PATCH('/api/v1/webhook-endpoints/{id}', {
      params: { path: { id: a.id } },
      body: { enabled: false },
    });
    expect(off.data!).toMatchObject({ enabled: false, disabledReason: 'program_manager' });
    expect(
      (await clientFor(ctx.app, a.auth).GET('/api/v1/webhooks/{id}', { params: { path: { id: a.id } } }))
        .data!,
    ).toMatchObject({ enabled: false });
    const on = await clientFor(ctx.app, pm.auth).PATCH('/api/v1/webhook-endpoints/{id}', {
      params: { path: { id: a.id } },
      body: { enabled: true },
    });
    expect(on.data!).toMatchObject({ enabled: true, disabledReason: null });
    const participant = await makeUser(ctx.app);
    expect(
      (await clientFor(ctx.app, participant.auth).GET('/api/v1/webhook-endpoints')).response.status,
    ).toBe(403);
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
      const res = await clientFor(strict.app, await client.token()).POST('/api/v1/webhooks', {
        body: { url: 'https://10.0.0.8/hooks', eventTypes: ['invitation.*'] },
      });
      expect(res.response.status).toBe(422);
      expect(res.error).toMatchObject({ rule: 'R-HOOK-7' });
    } finally {
      await strict.close();
    }
    // A second app with its own database: slow on a loaded machine.
  }, 180_000);
});
