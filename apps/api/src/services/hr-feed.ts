import { inArray, sql } from 'drizzle-orm';
import { parseGrade } from '@hhs-mentoring/domain';
import type { Tx } from '../db/client.js';
import { auditLog, employees, opdivs } from '../db/schema/index.js';
import { Problem } from '../lib/problem.js';
import type { HrEmployee } from '../schemas/hr-feed.js';
import type { AuditContext } from './audit.js';
import { alertBrokenS2jPairs } from './hr-pair-alerts.js';

type FieldError = { field: string; message: string };
type EmployeeInsert = typeof employees.$inferInsert;
// 2,000 rows × 16 columns stays well under PostgreSQL's 65,535 bind parameters per statement.
const CHUNK = 2000;
const MAX_LISTED_ERRORS = 500;

/** R-API-3 / R-DIR-2: every row checked before anything is written; any error rejects the whole batch. */
async function validate(tx: Tx, rows: HrEmployee[]): Promise<EmployeeInsert[]> {
  const errors: FieldError[] = [];
  const at = (i: number, field: string, message: string) => errors.push({ field: `/body/employees/${i}/${field}`, message });
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
      id: r.id, firstName: r.firstName, lastName: r.lastName, email: r.email, phone: r.phone ?? null, opdiv: r.opdiv,
      payPlan: parsed.grade.payPlan, grade: parsed.grade.grade || parsed.grade.label, gradeRank: parsed.grade.rank,
      occupationSeries: r.occupationSeries, occupationTitle: r.occupationTitle, city: r.city, state: r.state.toUpperCase(),
      timeZone: r.timeZone, supervisorId: r.supervisorId ?? null, commissionedCorps: r.commissionedCorps ?? parsed.grade.payPlan === 'CC',
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
    throw new Problem(422, 'hr-batch-rejected', 'The batch was rejected; nothing was written',
      `${errors.length} problem(s) in the batch; fix them and send it again (R-API-3).`,
      { errors: errors.slice(0, MAX_LISTED_ERRORS) });
  }
  return out;
}

// Every column HR owns; an update happens only when one of them differs.
const HR_COLUMNS = ['firstName', 'lastName', 'email', 'phone', 'opdiv', 'payPlan', 'grade', 'gradeRank', 'occupationSeries',
  'occupationTitle', 'city', 'state', 'timeZone', 'supervisorId', 'commissionedCorps', 'active'] as const;
const columnNames = HR_COLUMNS.map((k) => employees[k].name);
const UPDATE_SET = Object.fromEntries(HR_COLUMNS.map((k) => [k, sql.raw(`excluded.${employees[k].name}`)]));
const DIFFERS = sql.raw(
  `(${columnNames.map((c) => `employees.${c}`).join(', ')}) is distinct from (${columnNames.map((c) => `excluded.${c}`).join(', ')})`,
);

/** R-API-3: idempotent bulk upsert of HR's employees, in the caller's transaction, one audit row per change. */
export async function upsertEmployees(tx: Tx, ctx: AuditContext, rows: HrEmployee[], appUrl: string) {
  const values = await validate(tx, rows);
  const before = new Map<string, { gradeRank: number; supervisorId: string | null }>();
  for (let i = 0; i < values.length; i += CHUNK) {
    const ids = values.slice(i, i + CHUNK).map((v) => v.id);
    for (const b of await tx.select({ id: employees.id, gradeRank: employees.gradeRank, supervisorId: employees.supervisorId }).from(employees).where(inArray(employees.id, ids)))
      before.set(b.id, b);
  }
  let inserted = 0;
  const written: Array<{ id: string; inserted: boolean }> = [];
  for (let i = 0; i < values.length; i += CHUNK) {
    const result = await tx
      .insert(employees)
      .values(values.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: employees.id,
        set: { ...UPDATE_SET, updatedAt: sql`now()` },
        // Unchanged rows are not touched, so a repeated batch changes nothing (not even updated_at).
        setWhere: DIFFERS,
      })
      .returning({ id: employees.id, inserted: sql<boolean>`(xmax = 0)` });
    for (const r of result) {
      written.push(r);
      if (r.inserted) inserted += 1;
    }
  }
  const opdivOf = new Map(values.map((v) => [v.id, v.opdiv]));
  for (let i = 0; i < written.length; i += CHUNK) {
    await tx.insert(auditLog).values(
      written.slice(i, i + CHUNK).map((w) => ({
        actorId: ctx.actorId, actorLabel: ctx.actorLabel, ip: ctx.ip, requestId: ctx.requestId,
        action: w.inserted ? 'employee.create' : 'employee.update', objectType: 'employee', objectId: w.id,
        opdivs: [opdivOf.get(w.id)!], detail: { source: 'hr-feed' },
      })),
    );
  }
  const changed = values
    .filter((v) => {
      const b = before.get(v.id);
      return b && (b.gradeRank !== v.gradeRank || b.supervisorId !== v.supervisorId);
    })
    .map((v) => v.id);
  const pairAlerts = changed.length > 0 ? await alertBrokenS2jPairs(tx, ctx, changed, appUrl) : 0;
  return { received: rows.length, inserted, updated: written.length - inserted, unchanged: rows.length - written.length, pairAlerts };
}
