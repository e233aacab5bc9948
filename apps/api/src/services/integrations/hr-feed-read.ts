import { and, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { employees } from '../../db/schema/index.js';
import { keyset, type SortKey } from '../../lib/pagination.js';

const BY_ID: SortKey[] = [{ expr: employees.id, dir: 'asc', type: 'text' }];

/**
 * R-DIR-4: the directory read back as HR fed it (the fields of the HR feed, nothing the program added), in a
 * stable id order, for HR's reconciliation. `ids` fetches the ones the employees change feed named.
 */
export async function readDirectory(db: Db, q: { ids?: string; limit?: number; cursor?: string }) {
  const page = keyset(BY_ID, q);
  const ids = q.ids?.split(',').map((id) => id.trim());
  const rows = await db
    .select({
      id: employees.id,
      firstName: employees.firstName,
      lastName: employees.lastName,
      email: employees.email,
      phone: employees.phone,
      opdiv: employees.opdiv,
      payPlan: employees.payPlan,
      grade: employees.grade,
      occupationSeries: employees.occupationSeries,
      occupationTitle: employees.occupationTitle,
      city: employees.city,
      state: employees.state,
      timeZone: employees.timeZone,
      supervisorId: employees.supervisorId,
      commissionedCorps: employees.commissionedCorps,
      active: employees.active,
      updatedAt: employees.updatedAt,
      key: page.key,
    })
    .from(employees)
    .where(and(ids ? inArray(employees.id, ids) : undefined, page.where))
    .orderBy(...page.orderBy)
    .limit(page.fetch);
  return page.page(
    rows,
    (r) => r.key,
    (kept) => kept.map(({ key: _key, ...r }) => ({ ...r, updatedAt: r.updatedAt.toISOString() })),
  );
}
