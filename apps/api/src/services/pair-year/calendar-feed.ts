import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  calendarFeeds,
  employees,
  meetings,
  relationships,
  trainingEvents,
  trainingRegistrations,
} from '../../db/schema/index.js';
import { feedCalendar, meetingUid, type FeedEvent } from './calendar.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const feedUrl = (appUrl: string, token: string) => `${appUrl}/api/v1/calendar/${token}.ics`;

/** R-MEET-4: whether the person has a feed (the URL itself is shown once, when it is made). */
export async function feedStatus(db: Db, employeeId: string) {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.employeeId, employeeId));
  return {
    active: Boolean(row),
    createdAt: row?.createdAt.toISOString() ?? null,
    url: null as string | null,
  };
}

/** R-MEET-4: a new secret feed URL; any earlier URL stops working at once. */
export async function createFeed(db: Db, employeeId: string, appUrl: string) {
  const token = randomBytes(24).toString('base64url');
  const now = new Date();
  await db
    .insert(calendarFeeds)
    .values({ employeeId, tokenHash: hash(token), createdAt: now })
    .onConflictDoUpdate({
      target: calendarFeeds.employeeId,
      set: { tokenHash: hash(token), createdAt: now },
    });
  return { active: true, createdAt: now.toISOString(), url: feedUrl(appUrl, token) };
}

export async function revokeFeed(db: Db, employeeId: string) {
  await db.delete(calendarFeeds).where(eq(calendarFeeds.employeeId, employeeId));
  return { active: false, createdAt: null, url: null };
}

/** R-MEET-4: the feed behind a token, or null for an unknown or revoked one. Meetings proposed or accepted, and registered training. */
export async function feedFor(db: Db, token: string, appUrl: string): Promise<string | null> {
  const [feed] = await db
    .select({ employeeId: calendarFeeds.employeeId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, hash(token)));
  if (!feed) return null;
  const me = feed.employeeId;
  const rows = await db
    .select({
      m: meetings,
      menteeFirst: sql<string>`mentee.first_name || ' ' || mentee.last_name`,
      mentorFirst: sql<string>`mentor.first_name || ' ' || mentor.last_name`,
    })
    .from(meetings)
    .innerJoin(relationships, eq(relationships.id, meetings.relationshipId))
    .innerJoin(sql`${employees} mentee`, sql`mentee.id = ${relationships.menteeId}`)
    .innerJoin(sql`${employees} mentor`, sql`mentor.id = ${relationships.mentorId}`)
    .where(
      and(
        or(eq(relationships.menteeId, me), eq(relationships.mentorId, me)),
        inArray(meetings.state, ['proposed', 'accepted']),
      ),
    );
  const events: FeedEvent[] = rows.map(({ m, menteeFirst, mentorFirst }) => ({
    uid: meetingUid(m.id, appUrl),
    start: m.startsAt,
    end: new Date(m.startsAt.getTime() + m.durationMinutes * 60_000),
    title: `${m.state === 'proposed' ? 'Proposed: ' : ''}Mentoring: ${menteeFirst} and ${mentorFirst}`,
    description: m.agenda,
    location: m.location,
    link: `/relationships/${m.relationshipId}#meetings`,
    stamp: m.updatedAt,
    sequence: m.sequence,
  }));
  const training = await db
    .select({ e: trainingEvents })
    .from(trainingRegistrations)
    .innerJoin(trainingEvents, eq(trainingEvents.id, trainingRegistrations.eventId))
    .where(
      and(
        eq(trainingRegistrations.employeeId, me),
        eq(trainingRegistrations.status, 'registered'),
        isNotNull(trainingEvents.startsAt),
      ),
    );
  for (const { e } of training)
    events.push({
      uid: `training-${e.id}@${new URL(appUrl).hostname}`,
      start: e.startsAt!,
      end: e.endsAt ?? new Date(e.startsAt!.getTime() + 3_600_000),
      title: e.title,
      description: '',
      location: '',
      link: `/training/${e.id}`,
      stamp: e.startsAt!,
      sequence: 0,
    });
  return feedCalendar(events, appUrl);
}
