import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { DAY_MS } from '@hhs-mentoring/domain';
import { queryRows, type Db } from '../../db/client.js';
import { LIVE_SQL } from '../../db/states.js';
import { mentorArrivals } from '../../db/schema/index.js';
import { notify } from '../platform/notifications.js';
import { currentSettings } from '../platform/settings.js';
import { rankMentorsFor } from '../journey/suggestions.js';
import { employeeRows, fullName } from '../journey/people.js';

/** R-WAIT-5: a new mentor is announced to a mentee when they would rank this high in the mentee's suggestions. */
const NEW_MENTOR_TOP = 5;
const ARRIVALS_PER_RUN = 20;

/**
 * R-WAIT-5: long-unmatched mentees (no live relationship, applied at least the first unmatched-reminder threshold
 * ago, reminders on: R-NUDGE-4) who share a platform with the mentor: the only ones the mentor could be suggested to.
 */
async function longUnmatchedFor(db: Db, mentorId: string, now: Date, days: number) {
  return queryRows<{ person: string }>(
    db,
    sql`select a.employee_id as person from mentee_applications a
      join mentor_applications m on m.employee_id = ${mentorId}
      where a.withdrawn_at is null and a.employee_id <> ${mentorId}
        and a.created_at <= ${new Date(now.getTime() - days * DAY_MS)}
        and a.platform = any(m.platforms)
        and not exists (select 1 from relationships r where r.mentee_id = a.employee_id
          and r.state in ${LIVE_SQL})
        and not exists (select 1 from notification_preferences p where p.employee_id = a.employee_id and p.nudges_off)
      order by a.employee_id`,
  );
}

/**
 * R-WAIT-5, the `new-mentor-notices` job (`scope: 'once'`): for each mentor who arrived since the last run, tell every
 * long-unmatched mentee for whom the mentor now ranks in the top NEW_MENTOR_TOP of their suggestions (the same
 * scorer and reporting-chain rule as the suggestions page). Ranking happens outside the transaction; the arrival
 * row is then claimed (FOR UPDATE SKIP LOCKED) and marked announced with the notices, whose dedupe keys name the
 * arrival: a second runner or a retried run tells nobody twice.
 */
export async function announceNewMentors(db: Db, now: Date, appUrl: string): Promise<number> {
  const days = Math.min(...(await currentSettings(db)).nudgeUnmatchedDays);
  const due = await db
    .select()
    .from(mentorArrivals)
    .where(and(isNull(mentorArrivals.announcedAt), lte(mentorArrivals.arrivedAt, now)))
    .orderBy(asc(mentorArrivals.arrivedAt))
    .limit(ARRIVALS_PER_RUN);
  let told = 0;
  for (const arrival of due) {
    const fits: string[] = [];
    for (const { person } of await longUnmatchedFor(db, arrival.mentorId, now, days)) {
      const { ranked } = await rankMentorsFor(db, person, NEW_MENTOR_TOP);
      if (ranked?.some((s) => s.mentorId === arrival.mentorId)) fits.push(person);
    }
    told += await db.transaction(async (tx) => {
      const [claimed] = await tx
        .select()
        .from(mentorArrivals)
        .where(
          and(
            eq(mentorArrivals.mentorId, arrival.mentorId),
            eq(mentorArrivals.arrivedAt, arrival.arrivedAt),
            isNull(mentorArrivals.announcedAt),
          ),
        )
        .for('update', { skipLocked: true });
      if (!claimed) return 0;
      const mentor = (await employeeRows(tx, [arrival.mentorId])).get(arrival.mentorId);
      if (mentor)
        for (const person of fits)
          await notify(
            tx,
            {
              to: person,
              kind: 'nudge.new_mentor',
              title: `A new mentor fits your goals: ${fullName(mentor)}`,
              link: `/invite/${arrival.mentorId}`,
              body: `${fullName(mentor)} joined the program as a mentor and is now among your five best suggested mentors. Look at their profile and invite them if they fit.`,
              data: { mentorId: arrival.mentorId },
              dedupeKey: `new-mentor:${arrival.mentorId}:${arrival.arrivedAt.toISOString()}`,
            },
            appUrl,
          );
      await tx
        .update(mentorArrivals)
        .set({ announcedAt: now })
        .where(eq(mentorArrivals.mentorId, arrival.mentorId));
      return mentor ? fits.length : 0;
    });
  }
  return told;
}
