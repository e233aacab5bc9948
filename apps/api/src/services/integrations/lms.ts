import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { auditLog, employees, trainingAttendance, trainingEvents } from '../../db/schema/index.js';
import type { LmsCompletion } from '../../schemas/lms.js';
import type { AuditAction } from '../platform/audit-actions.js';
import type { AuditContext } from '../platform/audit.js';

// Rows per INSERT: 6 columns × 2,000 stays far below PostgreSQL's 65,535 bind parameters.
const CHUNK = 2000;

type RowStatus = 'recorded' | 'already_recorded' | 'unknown_employee' | 'unknown_event' | 'invalid';

/**
 * R-TRAIN-2 / R-API-3: LMS completions become attendance (source lms). Rows naming an unknown person or course are
 * reported and skipped, the rest recorded; the same completion twice is one attendance row.
 */
export async function recordCompletions(tx: Tx, ctx: AuditContext, completions: LmsCompletion[]) {
  const ids = [...new Set(completions.flatMap((c) => (c.employeeId ? [c.employeeId] : [])))];
  const emails = [...new Set(completions.flatMap((c) => (c.email ? [c.email.toLowerCase()] : [])))];
  const people = await tx
    .select({ id: employees.id, email: sql<string>`lower(${employees.email})`, opdiv: employees.opdiv })
    .from(employees)
    .where(
      sql`${ids.length ? inArray(employees.id, ids) : sql`false`} or ${emails.length ? inArray(sql`lower(${employees.email})`, emails) : sql`false`}`,
    );
  const byId = new Map(people.map((p) => [p.id, p]));
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const eventIds = [...new Set(completions.flatMap((c) => (c.eventId ? [c.eventId] : [])))];
  const courseIds = [...new Set(completions.flatMap((c) => (c.lmsCourseId ? [c.lmsCourseId] : [])))];
  const events = await tx
    .select({ id: trainingEvents.id, lmsCourseId: trainingEvents.lmsCourseId, title: trainingEvents.title })
    .from(trainingEvents)
    .where(
      and(
        isNull(trainingEvents.cancelledAt),
        sql`${eventIds.length ? inArray(trainingEvents.id, eventIds) : sql`false`} or ${courseIds.length ? inArray(trainingEvents.lmsCourseId, courseIds) : sql`false`}`,
      ),
    );
  const eventById = new Map(events.map((e) => [e.id, e]));
  const eventByCourse = new Map(events.filter((e) => e.lmsCourseId).map((e) => [e.lmsCourseId!, e]));

  const rows: Array<{ index: number; status: RowStatus; detail?: string }> = [];
  const resolved = new Map<
    string,
    { index: number; eventId: string; employeeId: string; opdiv: string; at: Date }
  >();
  for (const [index, c] of completions.entries()) {
    if (!(c.employeeId || c.email) || !(c.eventId || c.lmsCourseId)) {
      rows.push({
        index,
        status: 'invalid',
        detail: 'Give employeeId or email, and lmsCourseId or eventId.',
      });
      continue;
    }
    const person = c.employeeId ? byId.get(c.employeeId) : byEmail.get(c.email!.toLowerCase());
    if (!person) {
      rows.push({ index, status: 'unknown_employee', detail: `No employee ${c.employeeId ?? c.email}.` });
      continue;
    }
    const event = c.eventId ? eventById.get(c.eventId) : eventByCourse.get(c.lmsCourseId!);
    if (!event) {
      rows.push({
        index,
        status: 'unknown_event',
        detail: `No training event for ${c.eventId ?? `LMS course ${c.lmsCourseId}`}.`,
      });
      continue;
    }
    const key = `${event.id} ${person.id}`;
    // The same completion twice in one request counts once: the first row records it.
    if (resolved.has(key)) rows.push({ index, status: 'already_recorded' });
    else
      resolved.set(key, {
        index,
        eventId: event.id,
        employeeId: person.id,
        opdiv: person.opdiv,
        at: new Date(c.completedAt),
      });
  }
  const pending = [...resolved.values()];
  const written = new Set<string>();
  for (let i = 0; i < pending.length; i += CHUNK) {
    const inserted = await tx
      .insert(trainingAttendance)
      .values(
        pending.slice(i, i + CHUNK).map((r) => ({
          eventId: r.eventId,
          employeeId: r.employeeId,
          attendedAt: r.at,
          source: 'lms' as const,
          recordedBy: ctx.actorId,
        })),
      )
      .onConflictDoNothing()
      .returning({ eventId: trainingAttendance.eventId, employeeId: trainingAttendance.employeeId });
    for (const w of inserted) written.add(`${w.eventId} ${w.employeeId}`);
  }
  for (const [key, r] of resolved)
    rows.push({ index: r.index, status: written.has(key) ? 'recorded' : 'already_recorded' });
  rows.sort((x, y) => x.index - y.index);
  const recordedRows = pending.filter((r) => written.has(`${r.eventId} ${r.employeeId}`));
  for (let i = 0; i < recordedRows.length; i += CHUNK)
    await tx.insert(auditLog).values(
      recordedRows.slice(i, i + CHUNK).map((r) => ({
        actorId: ctx.actorId,
        actorLabel: ctx.actorLabel,
        ip: ctx.ip,
        requestId: ctx.requestId,
        action: 'training.attendance' satisfies AuditAction,
        objectType: 'training_event',
        objectId: r.eventId,
        opdivs: [r.opdiv],
        detail: { employeeId: r.employeeId, source: 'lms' },
      })),
    );
  const recorded = recordedRows.length;
  const alreadyRecorded = rows.filter((r) => r.status === 'already_recorded').length;
  return {
    recorded,
    alreadyRecorded,
    rejected: rows.filter((r) => !r.status.endsWith('recorded')).length,
    rows,
  };
}
