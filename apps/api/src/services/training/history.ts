import { and, eq, inArray, max, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  relationships,
  trainingAttendance,
  trainingEvaluations,
  trainingRegistrations,
} from '../../db/schema/index.js';
import type { UserActor } from '../accounts/actors.js';
import { lastOrientationAttendedAt } from './orientation.js';
import { getEvent } from './catalogue.js';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
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
        db
          .select()
          .from(trainingRegistrations)
          .where(
            and(eq(trainingRegistrations.employeeId, me), inArray(trainingRegistrations.eventId, eventIds)),
          ),
        db
          .select()
          .from(trainingAttendance)
          .where(and(eq(trainingAttendance.employeeId, me), inArray(trainingAttendance.eventId, eventIds))),
        db
          .select({ eventId: trainingEvaluations.eventId })
          .from(trainingEvaluations)
          .where(eq(trainingEvaluations.employeeId, me)),
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
  items.sort((a, b) =>
    (b.event.startsAt ?? b.attendedAt ?? '').localeCompare(a.event.startsAt ?? a.attendedAt ?? ''),
  );
  const [last, [recorded]] = await Promise.all([
    lastOrientationAttendedAt(db, me),
    // R-LIFE-1: the orientation a mentee recorded for their pair counts for both partners too.
    db
      .select({ at: max(relationships.orientationAt) })
      .from(relationships)
      .where(or(eq(relationships.menteeId, me), eq(relationships.mentorId, me))),
  ]);
  const pairOrientation = recorded?.at ?? null;
  const latest =
    [last, pairOrientation].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ??
    null;
  return {
    lastOrientationAttendedAt: iso(latest),
    orientationCurrent: !!latest && now.getTime() - latest.getTime() <= YEAR_MS,
    orientationSource: !latest ? null : latest === last ? ('training' as const) : ('relationship' as const),
    items,
  };
}
