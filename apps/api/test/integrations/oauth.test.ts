import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { makeSystemClient } from './helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(() => ctx.close());

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describe('R-API-2: system clients and the client-credentials grant', () => {
  it('R-API-2: shows the secret once and never lists it', async () => {
    const client = await makeSystemClient(ctx.app, ['directory:write']);
    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/system-clients',
      headers: client.pm.auth,
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(client.secret);
    expect(list.json().items.find((c: { id: string }) => c.id === client.id)).toMatchObject({
      scopes: ['directory:write'],
      revokedAt: null,
    });
  });

  it('R-API-2: only the program manager registers system clients', async () => {
    const coordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/system-clients',
      headers: coordinator.auth,
      payload: { name: 'Mine', scopes: ['reports:read'] },
    });
    expect(res.statusCode).toBe(403);
  });

  it('R-API-2: issues a token for valid form credentials and the granted scopes', async () => {
    const client = await makeSystemClient(ctx.app, ['directory:write', 'training:write']);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      ...form({
        grant_type: 'client_credentials',
        client_id: client.id,
        client_secret: client.secret,
        scope: 'training:write',
      }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'training:write' });
  });

  it('R-API-2: accepts HTTP Basic client authentication and defaults to every granted scope', async () => {
    const client = await makeSystemClient(ctx.app, ['reports:read', 'directory:write']);
    const basic = Buffer.from(`${client.id}:${encodeURIComponent(client.secret)}`).toString('base64');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=client_credentials',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().scope.split(' ').sort()).toEqual(['directory:write', 'reports:read']);
  });

  it('R-API-2: refuses a wrong secret with invalid_client', async () => {
    const client = await makeSystemClient(ctx.app, ['directory:write']);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      ...form({ grant_type: 'client_credentials', client_id: client.id, client_secret: 'wrong' }),
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toContain('Basic');
    expect(res.json()).toMatchObject({ error: 'invalid_client', status: 401 });
  });

  it('R-API-2: refuses a scope that was not granted with invalid_scope', async () => {
    const client = await makeSystemClient(ctx.app, ['directory:write']);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      payload: {
        grant_type: 'client_credentials',
        client_id: client.id,
        client_secret: client.secret,
        scope: 'directory:write reports:read',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_scope' });
  });

  it('R-API-2: refuses other grants with unsupported_grant_type', async () => {
    const client = await makeSystemClient(ctx.app, ['directory:write']);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      ...form({ grant_type: 'password', client_id: client.id, client_secret: client.secret }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('unsupported_grant_type');
  });

  it('R-API-2: a revoked client gets no token and its live tokens stop working', async () => {
    const client = await makeSystemClient(ctx.app, ['directory:write']);
    const auth = await client.token();
    const revoke = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/system-clients/${client.id}/revoke`,
      headers: client.pm.auth,
    });
    expect(revoke.json().revokedAt).not.toBeNull();
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      ...form({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret }),
    });
    expect(again.json().error).toBe('invalid_client');
    const write = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/integrations/hr/employees',
      headers: auth,
      payload: { employees: [] },
    });
    expect(write.statusCode).toBe(401);
  });

  it('R-API-2: a token without the route’s scope gets a 403 problem', async () => {
    const client = await makeSystemClient(ctx.app, ['training:write']);
    const auth = await client.token();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/integrations/hr/employees',
      headers: auth,
      payload: { employees: [] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain('directory:write');
  });

  it('R-API-2: a system token cannot use people’s routes', async () => {
    const client = await makeSystemClient(ctx.app, ['directory:write']);
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/directory',
      headers: await client.token(),
    });
    expect(res.statusCode).toBe(401);
  });
});
