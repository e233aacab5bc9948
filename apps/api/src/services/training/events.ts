import { and, asc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { FOCUS_COMPETENCY_CODES } from '@hhs-mentoring/domain';
import type { Db, Tx } from '../../db/client.js';
import { trainingEvents, trainingRegistrations } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../../plugins/external/auth.js';
import type { CreateTrainingEvent, TrainingEvent, TrainingQuery, UpdateTrainingEvent } from '../../schemas/training.js';
import { audit, type AuditContext } from '../audit.js';
import { notifyEventCancelled, promoteWaitlist } from './registrations.js';

type EventRow = typeof trainingEvents.$inferSelect;

/** HHSU (the program manager) runs the catalogue; a coordinator runs only their OPDIV's own events (docs/decisions/0400). */
export function canManage(actor: UserActor, opdiv: string | null): boolean {
  return actor.isProgramManager || (opdiv !== null && actor.coordinatorOpdivs.includes(opdiv));
}

// training_events.id spelled out: drizzle drops the table name in single-table selects, which a subquery would misread.
const counts = (status: string) =>
  sql<number>`(select count(*)::int from ${trainingRegistrations} r where r.event_id = training_events.id and r.status = ${status})`;
const iso = (d: Date | null) => d?.toISOString() ?? null;

async function present(db: Tx, where: SQL | undefined, viewer: string, page?: { limit: number; offset: number }) {
  const rows = await db
    .select({
      event: trainingEvents,
      registered: counts('registered'),
      waitlisted: counts('waitlisted'),
      myStatus: sql<TrainingEvent['myStatus']>`(select r.status from ${trainingRegistrations} r where r.event_id = training_events.id and r.employee_id = ${viewer})`,
    })
    .from(trainingEvents)
    .where(where)
    .orderBy(sql`${trainingEvents.startsAt} asc nulls last`, asc(trainingEvents.title))
    .limit(page?.limit ?? 1)
    .offset(page?.offset ?? 0);
  return rows.map(({ event: e, registered, waitlisted, myStatus }): TrainingEvent => ({
    id: e.id, kind: e.kind, title: e.title, description: e.description, competencyCode: e.competencyCode, opdiv: e.opdiv,
    startsAt: iso(e.startsAt), endsAt: iso(e.endsAt), location: e.location, lmsUrl: e.lmsUrl, lmsCourseId: e.lmsCourseId,
    capacity: e.capacity, registered, waitlisted, cancelledAt: iso(e.cancelledAt), myStatus: myStatus ?? null,
  }));
}

export async function listEvents(db: Db, viewer: UserActor, q: TrainingQuery) {
  const where = and(
    q.includeCancelled ? undefined : isNull(trainingEvents.cancelledAt),
    q.kind ? eq(trainingEvents.kind, q.kind) : undefined,
    q.competency ? eq(trainingEvents.competencyCode, q.competency) : undefined,
    // Self-paced courses (no date) always show; dated events by their start.
    q.from ? sql`(${trainingEvents.startsAt} is null or ${gte(trainingEvents.startsAt, new Date(q.from))})` : undefined,
    q.to ? sql`(${trainingEvents.startsAt} is null or ${lte(trainingEvents.startsAt, new Date(q.to))})` : undefined,
  );
  const limit = q.limit ?? 20;
  const offset = q.offset ?? 0;
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(trainingEvents).where(where);
  return { items: await present(db, where, viewer.employeeId, { limit, offset }), total: total?.n ?? 0, limit, offset };
}

export async function getEvent(db: Tx, viewer: UserActor, id: string): Promise<TrainingEvent> {
  const [event] = await present(db, eq(trainingEvents.id, id), viewer.employeeId);
  if (!event) throw problems.notFound('That training event');
  return event;
}

/** R-TRAIN-1: what each kind of event needs (a Lunch and Learn is on one of the eight focus competencies). */
function checkShape(e: Omit<CreateTrainingEvent, 'title'>) {
  const refuse = (detail: string) => problems.rule('R-TRAIN-1', detail, 422);
  if (e.kind === 'lunch_and_learn') {
    if (!e.competencyCode || !FOCUS_COMPETENCY_CODES.includes(e.competencyCode))
      throw refuse(`A Lunch and Learn is on one of the eight focus competencies: ${FOCUS_COMPETENCY_CODES.join(', ')}.`);
  } else if (e.competencyCode) throw refuse('Only a Lunch and Learn names a competency.');
  if (e.kind === 'online_course' && !e.lmsUrl) throw refuse('An online course needs its LMS link.');
  if ((e.kind === 'orientation_instructor' || e.kind === 'lunch_and_learn') && (!e.startsAt || !e.endsAt || !e.location))
    throw refuse('An instructor-led session needs a start, an end and a location (room or meeting link).');
  if (e.startsAt && e.endsAt && new Date(e.endsAt) <= new Date(e.startsAt)) throw refuse('The event must end after it starts.');
}

const toDate = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));
function toColumns(input: UpdateTrainingEvent): Partial<typeof trainingEvents.$inferInsert> {
  const { startsAt, endsAt, ...rest } = input;
  return {
    ...rest,
    ...(startsAt !== undefined ? { startsAt: toDate(startsAt) } : {}),
    ...(endsAt !== undefined ? { endsAt: toDate(endsAt) } : {}),
  };
}

export async function createEvent(db: Db, actor: UserActor, ctx: AuditContext, input: CreateTrainingEvent) {
  const opdiv = input.opdiv ?? null;
  if (!canManage(actor, opdiv))
    throw problems.forbidden('Coordinators create events for their own OPDIV; department-wide events are the program manager’s.');
  checkShape(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(trainingEvents).values({ ...toColumns(input), title: input.title, kind: input.kind, createdBy: actor.employeeId }).returning();
    await audit(tx, ctx, { action: 'training_event.create', objectType: 'training_event', objectId: row!.id, opdivs: opdiv ? [opdiv] : [], detail: { title: input.title, kind: input.kind } });
    return getEvent(tx, actor, row!.id);
  });
}

async function lockManaged(tx: Tx, actor: UserActor, id: string): Promise<EventRow> {
  const [row] = await tx.select().from(trainingEvents).where(eq(trainingEvents.id, id)).for('update');
  if (!row) throw problems.notFound('That training event');
  if (!canManage(actor, row.opdiv)) throw problems.forbidden('Only the program manager, or a coordinator for this event’s OPDIV, may change it.');
  return row;
}

export async function updateEvent(db: Db, actor: UserActor, ctx: AuditContext, id: string, input: UpdateTrainingEvent, appUrl: string) {
  return db.transaction(async (tx) => {
    const row = await lockManaged(tx, actor, id);
    if (row.cancelledAt) throw problems.conflict('This event was cancelled.');
    if (input.opdiv !== undefined && !canManage(actor, input.opdiv)) throw problems.forbidden('You cannot move an event outside your OPDIVs.');
    const merged = { ...row, ...input, startsAt: input.startsAt !== undefined ? input.startsAt : iso(row.startsAt), endsAt: input.endsAt !== undefined ? input.endsAt : iso(row.endsAt) };
    checkShape(merged);
    await tx.update(trainingEvents).set({ ...toColumns(input), updatedAt: new Date() }).where(eq(trainingEvents.id, id));
    // A larger room lets people in from the waitlist, in order; a smaller one never removes anyone registered.
    const promoted = await promoteWaitlist(tx, { ...row, capacity: merged.capacity ?? null }, appUrl);
    await audit(tx, ctx, { action: 'training_event.update', objectType: 'training_event', objectId: id, opdivs: row.opdiv ? [row.opdiv] : [], detail: { changed: Object.keys(input), promoted } });
    return getEvent(tx, actor, id);
  });
}

export async function cancelEvent(db: Db, actor: UserActor, ctx: AuditContext, id: string, appUrl: string) {
  return db.transaction(async (tx) => {
    const row = await lockManaged(tx, actor, id);
    if (!row.cancelledAt) {
      await tx.update(trainingEvents).set({ cancelledAt: new Date(), updatedAt: new Date() }).where(eq(trainingEvents.id, id));
      await notifyEventCancelled(tx, row, appUrl);
      await audit(tx, ctx, { action: 'training_event.cancel', objectType: 'training_event', objectId: id, opdivs: row.opdiv ? [row.opdiv] : [] });
    }
    return getEvent(tx, actor, id);
  });
}
