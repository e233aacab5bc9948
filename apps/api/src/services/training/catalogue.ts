import { and, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { keyset, type PageParams } from '../../lib/pagination.js';
import { trainingEvents, trainingRegistrations } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import type { TrainingEvent, TrainingQuery } from '../../schemas/training.js';

export const iso = (d: Date | null) => d?.toISOString() ?? null;

// training_events.id spelled out: drizzle drops the table name in single-table selects, which a subquery would misread.
const counts = (status: string) =>
  sql<number>`(select count(*)::int from ${trainingRegistrations} r where r.event_id = training_events.id and r.status = ${status})`;

// Self-paced courses (no date) last; the keyset needs a value that is never null.
const EVENT_ORDER = [
  {
    expr: sql`coalesce(${trainingEvents.startsAt}, 'infinity'::timestamptz)`,
    dir: 'asc',
    type: 'timestamptz',
  },
  { expr: trainingEvents.title, dir: 'asc', type: 'text' },
  { expr: trainingEvents.id, dir: 'asc', type: 'uuid' },
] as const;

async function present(db: Tx, where: SQL | undefined, viewer: string, params: PageParams = { limit: 1 }) {
  const page = keyset([...EVENT_ORDER], params);
  const rows = await db
    .select({
      key: page.key,
      event: trainingEvents,
      registered: counts('registered'),
      waitlisted: counts('waitlisted'),
      myStatus: sql<
        TrainingEvent['myStatus']
      >`(select r.status from ${trainingRegistrations} r where r.event_id = training_events.id and r.employee_id = ${viewer})`,
    })
    .from(trainingEvents)
    .where(and(where, page.where))
    .orderBy(...page.orderBy)
    .limit(page.fetch);
  return page.page(
    rows,
    (r) => r.key,
    (kept) =>
      kept.map(({ event: e, registered, waitlisted, myStatus }): TrainingEvent => ({
        id: e.id,
        kind: e.kind,
        title: e.title,
        description: e.description,
        competencyCode: e.competencyCode,
        opdiv: e.opdiv,
        startsAt: iso(e.startsAt),
        endsAt: iso(e.endsAt),
        location: e.location,
        lmsUrl: e.lmsUrl,
        lmsCourseId: e.lmsCourseId,
        capacity: e.capacity,
        registered,
        waitlisted,
        cancelledAt: iso(e.cancelledAt),
        myStatus: myStatus ?? null,
      })),
  );
}

export async function listEvents(db: Db, viewer: UserActor, q: TrainingQuery) {
  const where = and(
    q.includeCancelled ? undefined : isNull(trainingEvents.cancelledAt),
    q.kind ? eq(trainingEvents.kind, q.kind) : undefined,
    q.competency ? eq(trainingEvents.competencyCode, q.competency) : undefined,
    // Self-paced courses (no date) always show; dated events by their start.
    q.from
      ? sql`(${trainingEvents.startsAt} is null or ${gte(trainingEvents.startsAt, new Date(q.from))})`
      : undefined,
    q.to
      ? sql`(${trainingEvents.startsAt} is null or ${lte(trainingEvents.startsAt, new Date(q.to))})`
      : undefined,
  );
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(trainingEvents)
    .where(where);
  return { ...(await present(db, where, viewer.employeeId, q)), total: total?.n ?? 0 };
}

export async function getEvent(db: Tx, viewer: UserActor, id: string): Promise<TrainingEvent> {
  const {
    items: [event],
  } = await present(db, eq(trainingEvents.id, id), viewer.employeeId);
  if (!event) throw problems.notFound('That training event');
  return event;
}
