import type { startApi } from './api.js';
import { users } from '../../apps/api/src/db/schema/index.js';
import { SYSTEM_AUDIT } from '../../apps/api/src/services/platform/audit.js';
import { createClient } from '../../apps/api/src/services/accounts/system-clients.js';

type App = Awaited<ReturnType<typeof startApi>>['app'];

/**
 * Session tokens for many employees at once, one per entry of `people` (a person listed twice gets one account and
 * the same token twice): accounts inserted 1,000 rows per statement.
 */
export async function bulkTokens(app: App, people: { id: string; email: string }[]): Promise<string[]> {
  const ids = new Map<string, string>();
  const unique = [...new Map(people.map((p) => [p.id, p])).values()];
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await app.db
      .insert(users)
      .values(
        unique
          .slice(i, i + 1000)
          .map((p) => ({ employeeId: p.id, email: p.email, emailVerifiedAt: new Date() })),
      )
      .returning({ id: users.id, employeeId: users.employeeId });
    for (const r of rows) ids.set(r.employeeId, r.id);
  }
  return people.map((p) => app.signUserToken(ids.get(p.id)!));
}

/** A new system client with these scopes, and its access token from the API's token route (client credentials). */
export async function systemClientToken(
  app: App,
  base: string,
  name: string,
  scopes: string[],
): Promise<string> {
  const client = await createClient(app.db, { ...SYSTEM_AUDIT, actorId: 'bench' }, { name, scopes });
  const res = await fetch(`${base}/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.id,
      client_secret: client.clientSecret,
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}
