import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { trainingEvents, trainingRegistrations } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { audit, type AuditContext } from '../platform/audit.js';
import { notify } from '../platform/notifications.js';

type EventRow = typeof trainingEvents.$inferSelect;
const link = (eventId: string) => `/training/${eventId}`;

/** The event row, locked: registrations and cancellations of one event queue here, so capacity holds. */
async function lockEvent(tx: Tx, id: string): Promise<EventRow> {
  const [row] = await tx.select().from(trainingEvents).where(eq(trainingEvents.id, id)).for('update');
  if (!row) throw problems.notFound('That training event');
  return row;
}

const registeredCount = async (tx: Tx, eventId: string) =>
  (
    await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingRegistrations)
      .where(and(eq(trainingRegistrations.eventId, eventId), eq(trainingRegistrations.status, 'registered')))
  )[0]!.n;

async function waitlistPosition(tx: Tx, eventId: string, employeeId: string): Promise<number | null> {
  const [row] = await tx
    .execute<{ pos: number }>(
      sql`
    select pos from (select employee_id, row_number() over (order by created_at, id)::int as pos
      from training_registrations where event_id = ${eventId} and status = 'waitlisted') w where employee_id = ${employeeId}`,
    )
    .then((r) => (r as unknown as { rows: Array<{ pos: number }> }).rows);
  return row?.pos ?? null;
}

/** R-TRAIN-1: fills free places from the waitlist, first come first served. Call with the event row locked. */
export async function promoteWaitlist(tx: Tx, event: EventRow, appUrl: string): Promise<number> {
  if (event.cancelledAt) return 0;
  const free =
    event.capacity === null
      ? Number.MAX_SAFE_INTEGER
      : event.capacity - (await registeredCount(tx, event.id));
  if (free <= 0) return 0;
  const next = await tx
    .select({ id: trainingRegistrations.id, employeeId: trainingRegistrations.employeeId })
    .from(trainingRegistrations)
    .where(and(eq(trainingRegistrations.eventId, event.id), eq(trainingRegistrations.status, 'waitlisted')))
    .orderBy(asc(trainingRegistrations.createdAt), asc(trainingRegistrations.id))
    .limit(Math.min(free, 10_000));
  if (next.length === 0) return 0;
  await tx
    .update(trainingRegistrations)
    .set({ status: 'registered', updatedAt: new Date() })
    .where(
      inArray(
        trainingRegistrations.id,
        next.map((n) => n.id),
      ),
    );
  for (const n of next)
    await notify(
      tx,
      {
        to: n.employeeId,
        kind: 'training.waitlist_promoted',
        title: `You have a place: ${event.title}`,
        body: `A place opened at "${event.title}" and you are now registered.`,
        link: link(event.id),
        dedupeKey: `training-promoted:${n.id}:${Date.now()}`,
      },
      appUrl,
    );
  return next.length;
}

/** R-TRAIN-1: registers the signed-in person, or puts them on the waitlist when the event is full. */
export async function register(db: Db, actor: UserActor, ctx: AuditContext, eventId: string) {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (event.cancelledAt) throw problems.rule('R-TRAIN-1', 'This event was cancelled.');
    if (event.endsAt && event.endsAt < new Date())
      throw problems.rule('R-TRAIN-1', 'This event has already taken place.');
    const [existing] = await tx
      .select()
      .from(trainingRegistrations)
      .where(
        and(
          eq(trainingRegistrations.eventId, eventId),
          eq(trainingRegistrations.employeeId, actor.employeeId),
        ),
      );
    if (existing && existing.status !== 'cancelled')
      throw problems.conflict(`You are already ${existing.status} for this event.`);
    const full = event.capacity !== null && (await registeredCount(tx, eventId)) >= event.capacity;
    const status = full ? 'waitlisted' : 'registered';
    const now = new Date();
    // Re-registering after cancelling joins the back of the queue (created_at is the queue order).
    if (existing)
      await tx
        .update(trainingRegistrations)
        .set({ status, createdAt: now, updatedAt: now })
        .where(eq(trainingRegistrations.id, existing.id));
    else
      await tx
        .insert(trainingRegistrations)
        .values({ eventId, employeeId: actor.employeeId, status, createdAt: now });
    await audit(tx, ctx, {
      action: `training.${status}`,
      objectType: 'training_event',
      objectId: eventId,
      opdivs: [actor.opdiv],
    });
    return {
      eventId,
      employeeId: actor.employeeId,
      status,
      waitlistPosition: full ? await waitlistPosition(tx, eventId, actor.employeeId) : null,
    };
  });
}

/** Cancels the signed-in person's registration; a freed place goes to the first on the waitlist. */
export async function cancelRegistration(
  db: Db,
  actor: UserActor,
  ctx: AuditContext,
  eventId: string,
  appUrl: string,
) {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const [existing] = await tx
      .select()
      .from(trainingRegistrations)
      .where(
        and(
          eq(trainingRegistrations.eventId, eventId),
          eq(trainingRegistrations.employeeId, actor.employeeId),
        ),
      );
    if (!existing || existing.status === 'cancelled')
      throw problems.notFound('Your registration for this event');
    await tx
      .update(trainingRegistrations)
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where(eq(trainingRegistrations.id, existing.id));
    const promoted = existing.status === 'registered' ? await promoteWaitlist(tx, event, appUrl) : 0;
    await audit(tx, ctx, {
      action: 'training.cancelled',
      objectType: 'training_event',
      objectId: eventId,
      opdivs: [actor.opdiv],
      detail: { promoted },
    });
    return { eventId, employeeId: actor.employeeId, status: 'cancelled' as const, waitlistPosition: null };
  });
}

/** Tells everyone registered or waitlisted that the event will not happen. */
export async function notifyEventCancelled(tx: Tx, event: EventRow, appUrl: string) {
  const people = await tx
    .select({ employeeId: trainingRegistrations.employeeId })
    .from(trainingRegistrations)
    .where(
      and(
        eq(trainingRegistrations.eventId, event.id),
        inArray(trainingRegistrations.status, ['registered', 'waitlisted']),
      ),
    );
  for (const p of people)
    await notify(
      tx,
      {
        to: p.employeeId,
        kind: 'training.event_cancelled',
        title: `Cancelled: ${event.title}`,
        body: `"${event.title}" has been cancelled. See the training catalogue for other sessions.`,
        link: '/training',
        dedupeKey: `training-cancelled:${event.id}`,
      },
      appUrl,
    );
}
