import { inArray, sql } from 'drizzle-orm';
import { parseGrade } from '@hhs-mentoring/domain';
import type { Tx } from '../../db/client.js';
import { employees, opdivs } from '../../db/schema/index.js';
import { Problem } from '../../lib/problem.js';
import type { HrEmployee } from '../../schemas/hr-feed.js';
import type { AuditContext } from '../platform/audit.js';
import { alertBrokenS2jPairs } from './hr-pair-alerts.js';
import { auditRows, upsertRows } from './hr-feed-write.js';

type FieldError = { field: string; message: string };
type EmployeeInsert = typeof employees.$inferInsert;
// Look-ups by id or email go in slices so each IN list stays well under PostgreSQL's 65,535 bind parameters.
const CHUNK = 2000;
const MAX_LISTED_ERRORS = 500;

/** R-API-3 / R-DIR-2: every row checked before anything is written; any error rejects the whole batch. */
async function validate(tx: Tx, rows: HrEmployee[]): Promise<EmployeeInsert[]> {
  const errors: FieldError[] = [];
  const at = (i: number, field: string, message: string) =>
    errors.push({ field: `/body/employees/${i}/${field}`, message });
  const known = new Set((await tx.select({ code: opdivs.code }).from(opdivs)).map((o) => o.code));
  const ids = new Map<string, number>();
  const emails = new Map<string, number>();
  const out: EmployeeInsert[] = [];
  rows.forEach((r, i) => {
    const parsed = parseGrade(r.payPlan, r.grade);
    if (!parsed.ok) at(i, 'grade', `${parsed.detail} (${parsed.rule})`);
    if (!known.has(r.opdiv)) at(i, 'opdiv', `"${r.opdiv}" is not an HHS OPDIV or STAFFDIV code.`);
    if (ids.has(r.id)) at(i, 'id', `repeats the id of row ${ids.get(r.id)}.`);
    const email = r.email.toLowerCase();
    if (emails.has(email)) at(i, 'email', `repeats the email of row ${emails.get(email)}.`);
    if (r.supervisorId === r.id) at(i, 'supervisorId', 'A person cannot be their own supervisor (R-DIR-3).');
    ids.set(r.id, i);
    emails.set(email, i);
    if (!parsed.ok) return;
    out.push({
      id: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      phone: r.phone ?? null,
      opdiv: r.opdiv,
      payPlan: parsed.grade.payPlan,
      grade: parsed.grade.grade || parsed.grade.label,
      gradeRank: parsed.grade.rank,
      occupationSeries: r.occupationSeries,
      occupationTitle: r.occupationTitle,
      city: r.city,
      state: r.state.toUpperCase(),
      timeZone: r.timeZone,
      supervisorId: r.supervisorId ?? null,
      commissionedCorps: r.commissionedCorps ?? parsed.grade.payPlan === 'CC',
      active: r.active ?? true,
    });
  });
  for (let i = 0; i < rows.length; i += CHUNK) {
    const slice = [...emails.keys()].slice(i, i + CHUNK);
    const taken = await tx
      .select({ id: employees.id, email: sql<string>`lower(${employees.email})` })
      .from(employees)
      .where(inArray(sql`lower(${employees.email})`, slice));
    for (const t of taken) {
      const row = emails.get(t.email)!;
      if (rows[row]!.id !== t.id) at(row, 'email', `is already the email of employee ${t.id}.`);
    }
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.field.localeCompare(b.field, 'en', { numeric: true }));
    throw new Problem(
      422,
      'hr-batch-rejected',
      'The batch was rejected; nothing was written',
      `${errors.length} problem(s) in the batch; fix them and send it again (R-API-3).`,
      { errors: errors.slice(0, MAX_LISTED_ERRORS) },
    );
  }
  return out;
}

/** R-API-3: idempotent bulk upsert of HR's employees, in the caller's transaction, one audit row per change. */
export async function upsertEmployees(tx: Tx, ctx: AuditContext, rows: HrEmployee[], appUrl: string) {
  const values = await validate(tx, rows);
  const before = new Map<string, { gradeRank: number; supervisorId: string | null }>();
  for (let i = 0; i < values.length; i += CHUNK) {
    const ids = values.slice(i, i + CHUNK).map((v) => v.id);
    for (const b of await tx
      .select({ id: employees.id, gradeRank: employees.gradeRank, supervisorId: employees.supervisorId })
      .from(employees)
      .where(inArray(employees.id, ids)))
      before.set(b.id, b);
  }
  const written = await upsertRows(tx, values);
  const inserted = written.filter((w) => w.inserted).length;
  await auditRows(tx, ctx, written, new Map(values.map((v) => [v.id, v.opdiv])));
  const changed = values
    .filter((v) => {
      const b = before.get(v.id);
      return b && (b.gradeRank !== v.gradeRank || b.supervisorId !== v.supervisorId);
    })
    .map((v) => v.id);
  const pairAlerts = changed.length > 0 ? await alertBrokenS2jPairs(tx, ctx, changed, appUrl) : 0;
  return {
    received: rows.length,
    inserted,
    updated: written.length - inserted,
    unchanged: rows.length - written.length,
    pairAlerts,
  };
}
