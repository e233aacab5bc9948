import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { trainingAttendance, trainingEvaluations } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { audit, type AuditContext } from '../platform/audit.js';
import { assertEventStaffRead, eventExists } from './attendance.js';

/** R-TRAIN-1: one evaluation per attendee and event; people who did not attend cannot rate it. */
export async function submitEvaluation(
  db: Db,
  actor: UserActor,
  ctx: AuditContext,
  eventId: string,
  input: { rating: number; comments?: string | undefined },
) {
  await eventExists(db, eventId);
  return db.transaction(async (tx) => {
    const [attended] = await tx
      .select({ id: trainingAttendance.id })
      .from(trainingAttendance)
      .where(
        and(eq(trainingAttendance.eventId, eventId), eq(trainingAttendance.employeeId, actor.employeeId)),
      );
    if (!attended)
      throw problems.rule('R-TRAIN-1', 'Only people who attended this event can evaluate it.', 403);
    const [row] = await tx
      .insert(trainingEvaluations)
      .values({ eventId, employeeId: actor.employeeId, rating: input.rating, comments: input.comments ?? '' })
      .onConflictDoNothing()
      .returning({ id: trainingEvaluations.id });
    if (!row) throw problems.rule('R-TRAIN-1', 'You have already evaluated this event.');
    await audit(tx, ctx, {
      action: 'training.evaluation',
      objectType: 'training_event',
      objectId: eventId,
      opdivs: [actor.opdiv],
      detail: { rating: input.rating },
    });
    return { eventId, count: 1 };
  });
}

/** Evaluation results for staff (guide §XI.B: to improve length, curriculum and instructors); comments without names. */
export async function evaluationSummary(db: Db, actor: UserActor, eventId: string) {
  assertEventStaffRead(actor, await eventExists(db, eventId), false);
  const rows = await db
    .select({ rating: trainingEvaluations.rating, comments: trainingEvaluations.comments })
    .from(trainingEvaluations)
    .where(eq(trainingEvaluations.eventId, eventId))
    .orderBy(desc(trainingEvaluations.createdAt));
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of rows) distribution[r.rating as 1 | 2 | 3 | 4 | 5] += 1;
  const average = rows.length
    ? Math.round((rows.reduce((s, r) => s + r.rating, 0) / rows.length) * 100) / 100
    : null;
  return {
    eventId,
    count: rows.length,
    averageRating: average,
    distribution,
    comments: rows.map((r) => r.comments).filter(Boolean),
  };
}
