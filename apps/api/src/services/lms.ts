import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { employees, trainingAttendance, trainingEvents } from '../db/schema/index.js';
import type { LmsCompletion } from '../schemas/hr-feed.js';
import { audit, type AuditContext } from './audit.js';

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
    .where(sql`${ids.length ? inArray(employees.id, ids) : sql`false`} or ${emails.length ? inArray(sql`lower(${employees.email})`, emails) : sql`false`}`);
  const byId = new Map(people.map((p) => [p.id, p]));
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const eventIds = [...new Set(completions.flatMap((c) => (c.eventId ? [c.eventId] : [])))];
  const courseIds = [...new Set(completions.flatMap((c) => (c.lmsCourseId ? [c.lmsCourseId] : [])))];
  const events = await tx
    .select({ id: trainingEvents.id, lmsCourseId: trainingEvents.lmsCourseId, title: trainingEvents.title })
    .from(trainingEvents)
    .where(and(isNull(trainingEvents.cancelledAt), sql`${eventIds.length ? inArray(trainingEvents.id, eventIds) : sql`false`} or ${courseIds.length ? inArray(trainingEvents.lmsCourseId, courseIds) : sql`false`}`));
  const eventById = new Map(events.map((e) => [e.id, e]));
  const eventByCourse = new Map(events.filter((e) => e.lmsCourseId).map((e) => [e.lmsCourseId!, e]));

  const rows: Array<{ index: number; status: RowStatus; detail?: string }> = [];
  let recorded = 0;
  let alreadyRecorded = 0;
  for (const [index, c] of completions.entries()) {
    if (!(c.employeeId || c.email) || !(c.eventId || c.lmsCourseId)) {
      rows.push({ index, status: 'invalid', detail: 'Give employeeId or email, and lmsCourseId or eventId.' });
      continue;
    }
    const person = c.employeeId ? byId.get(c.employeeId) : byEmail.get(c.email!.toLowerCase());
    if (!person) {
      rows.push({ index, status: 'unknown_employee', detail: `No employee ${c.employeeId ?? c.email}.` });
      continue;
    }
    const event = c.eventId ? eventById.get(c.eventId) : eventByCourse.get(c.lmsCourseId!);
    if (!event) {
      rows.push({ index, status: 'unknown_event', detail: `No training event for ${c.eventId ?? `LMS course ${c.lmsCourseId}`}.` });
      continue;
    }
    const [row] = await tx
      .insert(trainingAttendance)
      .values({ eventId: event.id, employeeId: person.id, attendedAt: new Date(c.completedAt), source: 'lms', recordedBy: ctx.actorId })
      .onConflictDoNothing()
      .returning({ id: trainingAttendance.id });
    if (!row) {
      alreadyRecorded += 1;
      rows.push({ index, status: 'already_recorded' });
      continue;
    }
    recorded += 1;
    rows.push({ index, status: 'recorded' });
    await audit(tx, ctx, {
      action: 'training.attendance', objectType: 'training_event', objectId: event.id, opdivs: [person.opdiv],
      detail: { employeeId: person.id, source: 'lms' },
    });
  }
  return { recorded, alreadyRecorded, rejected: rows.filter((r) => !r.status.endsWith('recorded')).length, rows };
}
