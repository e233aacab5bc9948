import { eq } from 'drizzle-orm';
import { FOCUS_COMPETENCY_CODES } from '@hhs-mentoring/domain';
import type { Db, Tx } from '../../db/client.js';
import { trainingEvents } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import type { CreateTrainingEvent, UpdateTrainingEvent } from '../../schemas/training.js';
import { audit, type AuditContext } from '../platform/audit.js';
import { coversAny } from '../coordination/scope.js';
import { getEvent, iso } from './catalogue.js';
import { notifyEventCancelled, promoteWaitlist } from './registrations.js';

type EventRow = typeof trainingEvents.$inferSelect;

/** HHSU (the program manager) runs the catalogue; a coordinator runs only their OPDIV's own events (docs/decisions/0400). */
export function canManage(actor: UserActor, opdiv: string | null): boolean {
  return coversAny(actor, [opdiv]);
}

/** R-TRAIN-1: what each kind of event needs (a Lunch and Learn is on one of the eight focus competencies). */
function checkShape(e: Omit<CreateTrainingEvent, 'title'>) {
  const refuse = (detail: string) => problems.rule('R-TRAIN-1', detail, 422);
  if (e.kind === 'lunch_and_learn') {
    if (!e.competencyCode || !FOCUS_COMPETENCY_CODES.includes(e.competencyCode))
      throw refuse(
        `A Lunch and Learn is on one of the eight focus competencies: ${FOCUS_COMPETENCY_CODES.join(', ')}.`,
      );
  } else if (e.competencyCode) throw refuse('Only a Lunch and Learn names a competency.');
  if (e.kind === 'online_course' && !e.lmsUrl) throw refuse('An online course needs its LMS link.');
  if (
    (e.kind === 'orientation_instructor' || e.kind === 'lunch_and_learn') &&
    (!e.startsAt || !e.endsAt || !e.location)
  )
    throw refuse('An instructor-led session needs a start, an end and a location (room or meeting link).');
  if (e.startsAt && e.endsAt && new Date(e.endsAt) <= new Date(e.startsAt))
    throw refuse('The event must end after it starts.');
}

const toDate = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null ? null : new Date(v);
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
    throw problems.forbidden(
      'Coordinators create events for their own OPDIV; department-wide events are the program manager’s.',
    );
  checkShape(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingEvents)
      .values({ ...toColumns(input), title: input.title, kind: input.kind, createdBy: actor.employeeId })
      .returning();
    await audit(tx, ctx, {
      action: 'training_event.create',
      objectType: 'training_event',
      objectId: row!.id,
      opdivs: opdiv ? [opdiv] : [],
      detail: { title: input.title, kind: input.kind },
    });
    return getEvent(tx, actor, row!.id);
  });
}

async function lockManaged(tx: Tx, actor: UserActor, id: string): Promise<EventRow> {
  const [row] = await tx.select().from(trainingEvents).where(eq(trainingEvents.id, id)).for('update');
  if (!row) throw problems.notFound('That training event');
  if (!canManage(actor, row.opdiv))
    throw problems.forbidden(
      'Only the program manager, or a coordinator for this event’s OPDIV, may change it.',
    );
  return row;
}

export async function updateEvent(
  db: Db,
  actor: UserActor,
  ctx: AuditContext,
  id: string,
  input: UpdateTrainingEvent,
  appUrl: string,
) {
  return db.transaction(async (tx) => {
    const row = await lockManaged(tx, actor, id);
    if (row.cancelledAt) throw problems.conflict('This event was cancelled.');
    if (input.opdiv !== undefined && !canManage(actor, input.opdiv))
      throw problems.forbidden('You cannot move an event outside your OPDIVs.');
    const merged = {
      ...row,
      ...input,
      startsAt: input.startsAt !== undefined ? input.startsAt : iso(row.startsAt),
      endsAt: input.endsAt !== undefined ? input.endsAt : iso(row.endsAt),
    };
    checkShape(merged);
    await tx
      .update(trainingEvents)
      .set({ ...toColumns(input), updatedAt: new Date() })
      .where(eq(trainingEvents.id, id));
    // A larger room lets people in from the waitlist, in order; a smaller one never removes anyone registered.
    const promoted = await promoteWaitlist(tx, { ...row, capacity: merged.capacity ?? null }, appUrl);
    await audit(tx, ctx, {
      action: 'training_event.update',
      objectType: 'training_event',
      objectId: id,
      opdivs: row.opdiv ? [row.opdiv] : [],
      detail: { changed: Object.keys(input), promoted },
    });
    return getEvent(tx, actor, id);
  });
}

export async function cancelEvent(db: Db, actor: UserActor, ctx: AuditContext, id: string, appUrl: string) {
  return db.transaction(async (tx) => {
    const row = await lockManaged(tx, actor, id);
    if (!row.cancelledAt) {
      await tx
        .update(trainingEvents)
        .set({ cancelledAt: new Date(), updatedAt: new Date() })
        .where(eq(trainingEvents.id, id));
      await notifyEventCancelled(tx, row, appUrl);
      await audit(tx, ctx, {
        action: 'training_event.cancel',
        objectType: 'training_event',
        objectId: id,
        opdivs: row.opdiv ? [row.opdiv] : [],
      });
    }
    return getEvent(tx, actor, id);
  });
}
