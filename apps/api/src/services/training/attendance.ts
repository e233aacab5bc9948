import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { employees, trainingAttendance, trainingEvaluations, trainingEvents, trainingRegistrations } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../../plugins/external/auth.js';
import { audit, type AuditContext } from '../audit.js';
import { lastOrientationAttendedAt } from '../orientation.js';
import { staffScope } from '../scope.js';
import { getEvent } from './events.js';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

async function eventExists(db: Db, id: string) {
  const [row] = await db.select({ id: trainingEvents.id, opdiv: trainingEvents.opdiv }).from(trainingEvents).where(eq(trainingEvents.id, id));
  if (!row) throw problems.notFound('That training event');
  return row;
}

/** R-TRAIN-2: who registered and who attended; a coordinator sees the people of their OPDIVs (R-ROLE-2). */
export async function roster(db: Db, actor: UserActor, eventId: string) {
  await eventExists(db, eventId);
  const scope = staffScope(actor);
  const rows = await db.execute<Record<string, unknown>>(sql`
    select e.id as employee_id, e.first_name || ' ' || e.last_name as name, e.opdiv, r.status, r.created_at as registered_at,
           a.attended_at, a.source
    from (select employee_id from training_registrations where event_id = ${eventId}
          union select employee_id from training_attendance where event_id = ${eventId}) p
    join employees e on e.id = p.employee_id
    left join training_registrations r on r.event_id = ${eventId} and r.employee_id = p.employee_id
    left join training_attendance a on a.event_id = ${eventId} and a.employee_id = p.employee_id
    where ${scope === null ? sql`true` : sql`e.opdiv = any(${sql.param(scope)}::text[])`}
    order by e.last_name, e.first_name`);
  const list = (rows as unknown as { rows: Array<Record<string, unknown>> }).rows;
  const at = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
  return {
    items: list.map((r) => ({
      employeeId: r.employee_id as string, name: r.name as string, opdiv: r.opdiv as string,
      status: (r.status as 'registered' | 'waitlisted' | 'cancelled' | null) ?? null, registeredAt: at(r.registered_at),
      attendedAt: at(r.attended_at), attendanceSource: (r.source as 'lms' | 'coordinator' | null) ?? null,
    })),
  };
}

/** R-TRAIN-2: a coordinator (for people of their OPDIVs) or the program manager records attendance. */
export async function recordAttendance(db: Db, actor: UserActor, ctx: AuditContext, eventId: string, input: { employeeIds: string[]; attendedAt?: string | undefined }) {
  const event = await eventExists(db, eventId);
  const people = await db.select({ id: employees.id, opdiv: employees.opdiv }).from(employees).where(inArray(employees.id, input.employeeIds));
  const found = new Map(people.map((p) => [p.id, p.opdiv]));
  const missing = input.employeeIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw problems.notFound(`Employee ${missing.join(', ')}`);
  const scope = staffScope(actor);
  const outside = scope === null ? [] : people.filter((p) => !scope.includes(p.opdiv));
  if (outside.length > 0)
    throw problems.forbidden(`You record attendance for people in your OPDIVs only (R-ROLE-2): ${outside.map((p) => p.id).join(', ')}.`);
  const attendedAt = input.attendedAt ? new Date(input.attendedAt) : new Date();
  return db.transaction(async (tx) => {
    const written = await tx
      .insert(trainingAttendance)
      .values(input.employeeIds.map((employeeId) => ({ eventId, employeeId, attendedAt, source: 'coordinator' as const, recordedBy: actor.employeeId })))
      .onConflictDoNothing()
      .returning({ employeeId: trainingAttendance.employeeId });
    await audit(tx, ctx, {
      action: 'training.attendance', objectType: 'training_event', objectId: eventId,
      opdivs: [...new Set([...written.map((w) => found.get(w.employeeId)!), ...(event.opdiv ? [event.opdiv] : [])])],
      detail: { source: 'coordinator', employeeIds: written.map((w) => w.employeeId) },
    });
    return { recorded: written.length, alreadyRecorded: input.employeeIds.length - written.length };
  });
}

/** R-TRAIN-1: one evaluation per attendee and event; people who did not attend cannot rate it. */
export async function submitEvaluation(db: Db, actor: UserActor, ctx: AuditContext, eventId: string, input: { rating: number; comments?: string | undefined }) {
  await eventExists(db, eventId);
  return db.transaction(async (tx) => {
    const [attended] = await tx.select({ id: trainingAttendance.id }).from(trainingAttendance)
      .where(and(eq(trainingAttendance.eventId, eventId), eq(trainingAttendance.employeeId, actor.employeeId)));
    if (!attended) throw problems.rule('R-TRAIN-1', 'Only people who attended this event can evaluate it.', 403);
    const [row] = await tx.insert(trainingEvaluations)
      .values({ eventId, employeeId: actor.employeeId, rating: input.rating, comments: input.comments ?? '' })
      .onConflictDoNothing().returning({ id: trainingEvaluations.id });
    if (!row) throw problems.rule('R-TRAIN-1', 'You have already evaluated this event.');
    await audit(tx, ctx, { action: 'training.evaluation', objectType: 'training_event', objectId: eventId, opdivs: [actor.opdiv], detail: { rating: input.rating } });
    return { eventId, count: 1 };
  });
}

/** Evaluation results for staff (guide §XI.B: to improve length, curriculum and instructors); comments without names. */
export async function evaluationSummary(db: Db, eventId: string) {
  await eventExists(db, eventId);
  const rows = await db.select({ rating: trainingEvaluations.rating, comments: trainingEvaluations.comments }).from(trainingEvaluations)
    .where(eq(trainingEvaluations.eventId, eventId)).orderBy(desc(trainingEvaluations.createdAt));
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of rows) distribution[r.rating as 1 | 2 | 3 | 4 | 5] += 1;
  const average = rows.length ? Math.round((rows.reduce((s, r) => s + r.rating, 0) / rows.length) * 100) / 100 : null;
  return { eventId, count: rows.length, averageRating: average, distribution, comments: rows.map((r) => r.comments).filter(Boolean) };
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** The signed-in person's training: every event they registered for or attended, and their orientation status. */
export async function myHistory(db: Db, actor: UserActor, now = new Date()) {
  const me = actor.employeeId;
  const ids = await db.execute<{ event_id: string }>(sql`
    select event_id from ${trainingRegistrations} where employee_id = ${me}
    union select event_id from ${trainingAttendance} where employee_id = ${me}`);
  const eventIds = (ids as unknown as { rows: Array<{ event_id: string }> }).rows.map((r) => r.event_id);
  const [regs, att, evals] = eventIds.length
    ? await Promise.all([
        db.select().from(trainingRegistrations).where(and(eq(trainingRegistrations.employeeId, me), inArray(trainingRegistrations.eventId, eventIds))),
        db.select().from(trainingAttendance).where(and(eq(trainingAttendance.employeeId, me), inArray(trainingAttendance.eventId, eventIds))),
        db.select({ eventId: trainingEvaluations.eventId }).from(trainingEvaluations).where(eq(trainingEvaluations.employeeId, me)),
      ])
    : [[], [], []];
  const items = [];
  for (const id of eventIds) {
    items.push({
      event: await getEvent(db, actor, id),
      status: regs.find((r) => r.eventId === id)?.status ?? null,
      attendedAt: iso(att.find((a) => a.eventId === id)?.attendedAt),
      evaluated: evals.some((e) => e.eventId === id),
    });
  }
  items.sort((a, b) => (b.event.startsAt ?? b.attendedAt ?? '').localeCompare(a.event.startsAt ?? a.attendedAt ?? ''));
  const last = await lastOrientationAttendedAt(db, me);
  return { lastOrientationAttendedAt: iso(last), orientationCurrent: !!last && now.getTime() - last.getTime() <= YEAR_MS, items };
}
