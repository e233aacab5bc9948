import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../../db/client.js';
import {
  menteeApplications,
  mentorApplications,
  mentorWaitlist,
  relationships,
} from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { LIVE_RELATIONSHIP_STATES, LIVE_SQL } from '../../db/states.js';
import { liveMenteeCount } from '../journey/capacity.js';
import { notify } from '../platform/notifications.js';
import { employeeRows, fullName } from '../journey/people.js';

/** R-WAIT-2: how many mentees wait for each of these mentors (not yet told of a place). */
export async function waitingCounts(db: Tx, mentorIds: string[]): Promise<Map<string, number>> {
  if (mentorIds.length === 0) return new Map();
  const rows = await db
    .select({ id: mentorWaitlist.mentorId, n: sql<number>`count(*)::int` })
    .from(mentorWaitlist)
    .where(and(inArray(mentorWaitlist.mentorId, mentorIds), isNull(mentorWaitlist.notifiedAt)))
    .groupBy(mentorWaitlist.mentorId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

async function freePlaces(
  tx: Tx,
  mentorId: string,
): Promise<{ free: number; paused: boolean; exists: boolean }> {
  const [app] = await tx
    .select({ capacity: mentorApplications.capacity, paused: mentorApplications.paused })
    .from(mentorApplications)
    .where(and(eq(mentorApplications.employeeId, mentorId), isNull(mentorApplications.withdrawnAt)));
  // A withdrawn application is no mentor at all: nobody waits for it or is told of its places.
  if (!app) return { free: 0, paused: false, exists: false };
  return {
    free: app.paused ? 0 : Math.max(0, app.capacity - (await liveMenteeCount(tx, mentorId))),
    paused: app.paused,
    exists: true,
  };
}

/** R-WAIT-1: a mentee asks to be told when a full or paused mentor has a free place. */
export async function joinWaitlist(db: Db, actor: UserActor, mentorId: string) {
  return db.transaction(async (tx) => {
    const me = actor.employeeId;
    if (me === mentorId) throw problems.rule('R-INV-1', 'You cannot wait for a place with yourself.', 409);
    const [application] = await tx
      .select({ id: menteeApplications.employeeId })
      .from(menteeApplications)
      .where(eq(menteeApplications.employeeId, me));
    if (!application)
      throw problems.rule('R-WAIT-1', 'Apply as a mentee before asking to wait for a mentor.', 409);
    const [live] = await tx
      .select({ id: relationships.id })
      .from(relationships)
      .where(
        and(eq(relationships.menteeId, me), inArray(relationships.state, [...LIVE_RELATIONSHIP_STATES])),
      );
    if (live)
      throw problems.rule('R-CAP-2', 'You already have a mentor, so you cannot wait for another.', 409);
    const place = await freePlaces(tx, mentorId);
    if (!place.exists) throw problems.notFound('That mentor');
    if (place.free > 0)
      throw problems.rule(
        'R-WAIT-1',
        'This mentor has a free place now: invite them instead of waiting.',
        409,
      );
    await tx
      .insert(mentorWaitlist)
      .values({ mentorId, menteeId: me })
      .onConflictDoUpdate({
        target: [mentorWaitlist.mentorId, mentorWaitlist.menteeId],
        set: { notifiedAt: null },
      });
    return (await myWaitlists(tx, actor)).find((w) => w.mentorId === mentorId)!;
  });
}

export async function leaveWaitlist(db: Db, actor: UserActor, mentorId: string) {
  await db
    .delete(mentorWaitlist)
    .where(and(eq(mentorWaitlist.mentorId, mentorId), eq(mentorWaitlist.menteeId, actor.employeeId)));
}

/** R-WAIT-1: the mentors I wait for, with my place in each line (1 = next). */
export async function myWaitlists(db: Tx, actor: UserActor) {
  const rows = await queryRows<{
    mentor_id: string;
    joined_at: string;
    notified_at: string | null;
    position: number;
  }>(
    db,
    sql`
    select w.mentor_id, w.joined_at, w.notified_at,
      (select count(*)::int from mentor_waitlist o where o.mentor_id = w.mentor_id and o.notified_at is null and (o.joined_at, o.mentee_id) <= (w.joined_at, w.mentee_id)) as position
    from mentor_waitlist w where w.mentee_id = ${actor.employeeId} order by w.joined_at`,
  );
  const people = await employeeRows(
    db,
    rows.map((r) => r.mentor_id),
  );
  return rows.map((r) => ({
    mentorId: r.mentor_id,
    mentorName: fullName(people.get(r.mentor_id)!),
    joinedAt: new Date(r.joined_at).toISOString(),
    notifiedAt: r.notified_at ? new Date(r.notified_at).toISOString() : null,
    position: r.notified_at ? null : Number(r.position),
  }));
}

/**
 * R-WAIT-4: a told mentee holds the place they were told of for this long (to invite the mentor) before the next in
 * line is told of the same place, unless they found a mentor meanwhile.
 */
export const WAITLIST_HOLD_DAYS = 3;

/**
 * R-WAIT-3/R-WAIT-4: when a mentor has free places (a relationship ended, capacity raised, mentor resumed), the first
 * waiting mentees in the order they asked are told, one per free place not already held by a mentee told in the last
 * WAITLIST_HOLD_DAYS. Called inside the change's transaction (an ending, a capacity change, a resume) and by the
 * waitlist job. The mentor's application row is locked first, so releases for one mentor queue one behind the
 * other across replicas: each mentee is told once, in order, and never more mentees than places.
 */
export async function releaseWaitlist(tx: Tx, mentorId: string, now: Date, appUrl: string): Promise<number> {
  await tx
    .select({ id: mentorApplications.employeeId })
    .from(mentorApplications)
    .where(eq(mentorApplications.employeeId, mentorId))
    .for('update');
  const { free } = await freePlaces(tx, mentorId);
  if (free === 0) return 0;
  const holdSince = new Date(now.getTime() - WAITLIST_HOLD_DAYS * 86_400_000);
  const [held] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from mentor_waitlist w where w.mentor_id = ${mentorId}
      and w.notified_at > ${holdSince}
      and not exists (select 1 from relationships r where r.mentee_id = w.mentee_id
        and r.state in ${LIVE_SQL})`,
  );
  const places = free - Number(held?.n ?? 0);
  if (places <= 0) return 0;
  const next = await tx
    .select()
    .from(mentorWaitlist)
    .where(and(eq(mentorWaitlist.mentorId, mentorId), isNull(mentorWaitlist.notifiedAt)))
    .orderBy(asc(mentorWaitlist.joinedAt), asc(mentorWaitlist.menteeId))
    .limit(places);
  if (next.length === 0) return 0;
  const mentor = (await employeeRows(tx, [mentorId])).get(mentorId)!;
  for (const w of next) {
    await tx
      .update(mentorWaitlist)
      .set({ notifiedAt: now })
      .where(and(eq(mentorWaitlist.mentorId, mentorId), eq(mentorWaitlist.menteeId, w.menteeId)));
    await notify(
      tx,
      {
        to: w.menteeId,
        kind: 'waitlist.place_free',
        title: `${fullName(mentor)} has a free place`,
        link: `/invite/${mentorId}`,
        body: `${fullName(mentor)}, a mentor you asked about, can take a new mentee now. Invite them soon: places go to whoever invites first.`,
        data: { mentorId },
        dedupeKey: `waitlist:${mentorId}:${now.toISOString()}`,
      },
      appUrl,
    );
  }
  return next.length;
}

/** R-WAIT-3 sweep, a 'once' job: every mentor with someone waiting and a free place. */
export async function releaseWaitlists(db: Db, now: Date, appUrl: string): Promise<number> {
  const mentors = await db
    .selectDistinct({ id: mentorWaitlist.mentorId })
    .from(mentorWaitlist)
    .where(isNull(mentorWaitlist.notifiedAt));
  let told = 0;
  for (const { id } of mentors) told += await db.transaction((tx) => releaseWaitlist(tx, id, now, appUrl));
  return told;
}
