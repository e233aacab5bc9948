import type { FastifyInstance } from 'fastify';
import { makeUser } from '../helpers/factories.js';

/** A system client registered by a program manager, and a way to get a token for it. */
export async function makeSystemClient(app: FastifyInstance, scopes: string[], name = 'HR Connect feed') {
  const pm = await makeUser(app, { grants: [{ role: 'program_manager' }] });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/system-clients',
    headers: pm.auth,
    payload: { name, scopes },
  });
  if (res.statusCode !== 201) throw new Error(`client not created: ${res.body}`);
  const client = res.json<{ id: string; clientSecret: string }>();
  const token = async (scope?: string) => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.id,
        client_secret: client.clientSecret,
        ...(scope ? { scope } : {}),
      }).toString(),
    });
    if (r.statusCode !== 200) throw new Error(`no token: ${r.body}`);
    return { authorization: `Bearer ${r.json<{ access_token: string }>().access_token}` };
  };
  return { pm, id: client.id, secret: client.clientSecret, token };
}
