import { and, asc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { trainingEvents, trainingRegistrations } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../../plugins/external/auth.js';
import type { TrainingEvent, TrainingQuery } from '../../schemas/training.js';

export const iso = (d: Date | null) => d?.toISOString() ?? null;

// training_events.id spelled out: drizzle drops the table name in single-table selects, which a subquery would misread.
const counts = (status: string) =>
  sql<number>`(select count(*)::int from ${trainingRegistrations} r where r.event_id = training_events.id and r.status = ${status})`;

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
