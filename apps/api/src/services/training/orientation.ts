import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { trainingAttendance, trainingEvents } from '../../db/schema/index.js';

export const ORIENTATION_KINDS = ['orientation_online', 'orientation_instructor'] as const;

/**
 * R-LIFE-1: when this person last attended an orientation (online or instructor-led), from attendance records
 * (LMS or coordinator, R-TRAIN-2), or null. One within the last 12 months waives the pair's orientation.
 */
export async function lastOrientationAttendedAt(db: Tx, employeeId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: trainingAttendance.attendedAt })
    .from(trainingAttendance)
    .innerJoin(trainingEvents, eq(trainingEvents.id, trainingAttendance.eventId))
    .where(
      and(
        eq(trainingAttendance.employeeId, employeeId),
        inArray(trainingEvents.kind, [...ORIENTATION_KINDS]),
      ),
    )
    .orderBy(desc(trainingAttendance.attendedAt))
    .limit(1);
  return row?.at ?? null;
}
