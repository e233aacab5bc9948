import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { queryRows } from '../../src/db/client.js';
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

/**
 * Waits until every transaction that had started on the database server has ended. A change feed holds back what a
 * still-running transaction may yet precede (R-API-5, decision 0901), and the horizon is the whole server's: with test
 * files running side by side on one PostgreSQL, another file's transaction briefly holds this file's changes back.
 * A consumer would poll again later; the tests wait for the horizon instead, so each read sees what they wrote.
 */
export async function settleChangeFeeds(app: FastifyInstance): Promise<void> {
  const [horizon] = await queryRows<{ next: string }>(
    app.db,
    sql`select pg_snapshot_xmax(pg_current_snapshot())::text as next`,
  );
  for (let i = 0; i < 500; i++) {
    const [row] = await queryRows<{ passed: boolean }>(
      app.db,
      sql`select pg_snapshot_xmin(pg_current_snapshot())::text::bigint >= ${horizon!.next}::bigint as passed`,
    );
    if (row?.passed) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('a transaction on the database server stayed open for 10 s');
}
