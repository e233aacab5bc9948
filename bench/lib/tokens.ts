import type { startApi } from './api.js';
import { users } from '../../apps/api/src/db/schema/index.js';

type App = Awaited<ReturnType<typeof startApi>>['app'];

/** Session tokens for many employees at once: one account each, inserted 1,000 rows per statement. */
export async function bulkTokens(app: App, people: { id: string; email: string }[]): Promise<string[]> {
  const ids = new Map<string, string>();
  for (let i = 0; i < people.length; i += 1000) {
    const rows = await app.db.insert(users)
      .values(people.slice(i, i + 1000).map((p) => ({ employeeId: p.id, email: p.email, emailVerifiedAt: new Date() })))
      .returning({ id: users.id, employeeId: users.employeeId });
    for (const r of rows) ids.set(r.employeeId, r.id);
  }
  return people.map((p) => app.jwt.sign({ sub: ids.get(p.id)!, typ: 'user' }));
}
