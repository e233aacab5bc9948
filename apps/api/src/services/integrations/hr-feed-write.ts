import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import type { employees } from '../../db/schema/index.js';
import type { AuditAction } from '../platform/audit-actions.js';
import type { AuditContext } from '../platform/audit.js';

type EmployeeInsert = typeof employees.$inferInsert;

// Every column HR owns, with its SQL type; an update happens only when one of them differs.
const COLUMNS: Array<[keyof EmployeeInsert, string, string]> = [
  ['id', 'id', 'text'],
  ['firstName', 'first_name', 'text'],
  ['lastName', 'last_name', 'text'],
  ['email', 'email', 'text'],
  ['phone', 'phone', 'text'],
  ['opdiv', 'opdiv', 'text'],
  ['payPlan', 'pay_plan', 'text'],
  ['grade', 'grade', 'text'],
  ['gradeRank', 'grade_rank', 'float8'],
  ['occupationSeries', 'occupation_series', 'text'],
  ['occupationTitle', 'occupation_title', 'text'],
  ['city', 'city', 'text'],
  ['state', 'state', 'text'],
  ['timeZone', 'time_zone', 'text'],
  ['supervisorId', 'supervisor_id', 'text'],
  ['commissionedCorps', 'commissioned_corps', 'bool'],
  ['active', 'active', 'bool'],
];
const names = COLUMNS.map(([, c]) => c);
const updatable = names.filter((c) => c !== 'id');
const UPSERT_TAIL = sql.raw(`
  on conflict (id) do update set ${updatable.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()
  where (${updatable.map((c) => `employees.${c}`).join(', ')}) is distinct from (${updatable.map((c) => `excluded.${c}`).join(', ')})
  returning id, (xmax = 0) as inserted`);

/**
 * One statement per batch: each column travels as one array parameter and `unnest` turns them back into rows,
 * so 10,000 rows cost 17 bind parameters instead of 170,000 (docs/decisions/0403). Unchanged rows are not touched.
 */
export async function upsertRows(
  tx: Tx,
  values: EmployeeInsert[],
): Promise<Array<{ id: string; inserted: boolean }>> {
  const arrays = COLUMNS.map(
    ([key, , type]) => sql`${sql.param(values.map((v) => v[key] ?? null))}::${sql.raw(type)}[]`,
  );
  return queryRows(
    tx,
    sql`
    insert into employees (${sql.raw(names.join(', '))})
    select * from unnest(${sql.join(arrays, sql`, `)})
    ${UPSERT_TAIL}`,
  );
}

/** R-ADMIN-3: one audit row per inserted or updated employee, in one statement. */
export async function auditRows(
  tx: Tx,
  ctx: AuditContext,
  written: Array<{ id: string; inserted: boolean }>,
  opdivOf: Map<string, string>,
) {
  if (written.length === 0) return;
  await tx.execute(sql`
    insert into audit_log (actor_id, actor_label, ip, request_id, action, object_type, object_id, opdivs, detail)
    select ${ctx.actorId}, ${ctx.actorLabel}, ${ctx.ip}, ${ctx.requestId}, w.action, 'employee', w.id, array[w.opdiv], '{"source":"hr-feed"}'::jsonb
    from unnest(${sql.param(written.map((w) => w.id))}::text[], ${sql.param(written.map((w): AuditAction => (w.inserted ? 'employee.create' : 'employee.update')))}::text[],
                ${sql.param(written.map((w) => opdivOf.get(w.id)!))}::text[]) as w(id, action, opdiv)`);
}
