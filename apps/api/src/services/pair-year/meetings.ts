import { and, eq, inArray } from 'drizzle-orm';
import {
  checkMeetingTime,
  checkRecordHeld,
  isLive,
  nextMeetingState,
  type MeetingEvent,
  type MeetingMode,
  type PairRole,
} from '@hhs-mentoring/domain';
import type { Db, Tx } from '../../db/client.js';
import { meetingRecords, meetings } from '../../db/schema/index.js';
import { keyset, type PageParams } from '../../lib/pagination.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { notify } from '../platform/notifications.js';
import { fullName } from '../journey/people.js';
import { relationshipFor, type RelationshipAccess } from '../journey/relationship-access.js';
import { meetingInvitation, type CalendarMeeting } from './calendar.js';
import { cadenceSummary, type MeetingRow } from './meeting-model.js';
import { formatWhen, isTimeZone } from './when.js';

export type MeetingInput = {
  startsAt: string;
  timeZone: string;
  durationMinutes: number;
  mode: MeetingMode;
  location: string;
  agenda: string;
};
type Answer =
  | { type: 'accept' }
  | { type: 'decline' }
  | { type: 'cancel' }
  | { type: 'propose_other_time'; time: MeetingInput };

const roleOf = (a: RelationshipAccess): PairRole => {
  if (a.viewer !== 'mentor' && a.viewer !== 'mentee')
    throw problems.forbidden('Only the mentor and mentee of this relationship can change its meetings.');
  return a.viewer;
};
const link = (relId: string) => `/relationships/${relId}#meetings`;

function parseTime(input: MeetingInput) {
  if (!isTimeZone(input.timeZone))
    throw problems.badRequest('Choose a time zone from the list.', [
      { field: '/body/timeZone', message: 'Choose a time zone from the list.' },
    ]);
  // Calendars keep whole minutes; so do we, so the .ics and the record agree.
  const startsAt = new Date(Math.floor(new Date(input.startsAt).getTime() / 60_000) * 60_000);
  if (Number.isNaN(startsAt.getTime()))
    throw problems.badRequest('Enter the date and time of the meeting.', [
      { field: '/body/startsAt', message: 'Enter a date and time.' },
    ]);
  return {
    startsAt,
    durationMinutes: input.durationMinutes,
    mode: input.mode,
    location: input.location.trim(),
    agenda: input.agenda.trim(),
  };
}

function present(
  m: MeetingRow,
  records: (typeof meetingRecords.$inferSelect)[],
  viewer: RelationshipAccess['viewer'],
  me: string,
) {
  const mine = records.find((r) => r.authorId === me);
  return {
    id: m.id,
    relationshipId: m.relationshipId,
    state: m.state,
    proposedBy: m.proposedBy,
    startsAt: m.startsAt.toISOString(),
    timeZone: m.timeZone,
    durationMinutes: m.durationMinutes,
    mode: m.mode,
    location: m.location,
    agenda: m.agenda,
    sequence: m.sequence,
    held: records.length > 0,
    recordedBy: records.map((r) => r.role),
    // R-MEET-5: the private note is its author's alone; shared notes are for the pair, not coordinators.
    myPrivateNote: mine?.privateNote ?? null,
    sharedNotes:
      viewer === 'staff'
        ? []
        : records.filter((r) => r.sharedNote).map((r) => ({ role: r.role, note: r.sharedNote })),
  };
}

async function presentAll(tx: Tx, a: RelationshipAccess, rows: MeetingRow[], me: string) {
  const ids = rows.map((r) => r.id);
  const records = ids.length
    ? await tx.select().from(meetingRecords).where(inArray(meetingRecords.meetingId, ids))
    : [];
  return rows.map((m) =>
    present(
      m,
      records.filter((r) => r.meetingId === m.id),
      a.viewer,
      me,
    ),
  );
}

/** R-MEET-1/5/6: the pair's meetings and cadence; a coordinator sees the cadence and the dates, never the notes. */
export async function listMeetings(
  db: Db,
  actor: UserActor,
  relId: string,
  params: PageParams,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const a = await relationshipFor(tx, actor, relId, ['mentee', 'mentor', 'staff']);
    const page = keyset(
      [
        { expr: meetings.startsAt, dir: 'desc', type: 'timestamptz' },
        { expr: meetings.id, dir: 'desc', type: 'uuid' },
      ],
      params,
    );
    const rows = await tx
      .select({ m: meetings, key: page.key })
      .from(meetings)
      .where(and(eq(meetings.relationshipId, relId), page.where))
      .orderBy(...page.orderBy)
      .limit(page.fetch);
    const { items, nextCursor } = page.page(
      rows,
      (r) => r.key,
      (kept) => kept.map((r) => (a.viewer === 'staff' ? { ...r.m, agenda: '', location: '' } : r.m)),
    );
    return {
      summary: await cadenceSummary(tx, a.row, now),
      items: await presentAll(tx, a, items, actor.employeeId),
      nextCursor,
    };
  });
}

/** R-MEET-3: the meeting as a calendar entry, and a notice with its .ics to each recipient. */
async function sendCalendar(
  tx: Tx,
  a: RelationshipAccess,
  m: MeetingRow,
  to: PairRole[],
  title: string,
  body: string,
  appUrl: string,
) {
  const cal: CalendarMeeting = { ...m, cancelled: m.state === 'declined' || m.state === 'cancelled' };
  const attendees = [a.mentee, a.mentor].map((p) => ({ name: fullName(p), email: p.email }));
  const invite = meetingInvitation(
    cal,
    `Mentoring: ${fullName(a.mentee)} and ${fullName(a.mentor)}`,
    attendees,
    appUrl,
    link(m.relationshipId),
  );
  for (const role of to) {
    const person = role === 'mentor' ? a.mentor : a.mentee;
    await notify(
      tx,
      {
        to: person.id,
        kind: `meeting.${m.state}`,
        title,
        body,
        link: link(m.relationshipId),
        data: { meetingId: m.id, relationshipId: m.relationshipId },
        calendar: invite,
      },
      appUrl,
    );
  }
}

export async function proposeMeeting(
  db: Db,
  actor: UserActor,
  relId: string,
  input: MeetingInput,
  appUrl: string,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const a = await relationshipFor(tx, actor, relId, ['mentee', 'mentor'], true);
    const role = roleOf(a);
    if (!isLive(a.row.state))
      throw problems.rule(
        'R-MEET-2',
        'Meetings are scheduled only while the relationship is under way.',
        409,
      );
    const time = parseTime(input);
    const ok = checkMeetingTime(time, now);
    if (!ok.ok) throw problems.rule(ok.rule, ok.detail, 422);
    const [m] = await tx
      .insert(meetings)
      .values({
        relationshipId: relId,
        state: 'proposed',
        proposedBy: role,
        timeZone: input.timeZone,
        ...time,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const me = role === 'mentor' ? a.mentor : a.mentee;
    await sendCalendar(
      tx,
      a,
      m!,
      [role === 'mentor' ? 'mentee' : 'mentor'],
      `${fullName(me)} proposes a meeting`,
      `${fullName(me)} proposes to meet on ${formatWhen(m!.startsAt, m!.timeZone)}. Accept it, decline it or propose another time.`,
      appUrl,
    );
    return (await presentAll(tx, a, [m!], actor.employeeId))[0]!;
  });
}

const ANSWER_TEXT: Record<Answer['type'], (who: string, when: string) => [string, string]> = {
  accept: (who, when) => [`${who} accepted the meeting`, `${who} accepted the meeting on ${when}.`],
  decline: (who, when) => [
    `${who} declined the meeting`,
    `${who} declined the meeting on ${when}. You can propose another time.`,
  ],
  cancel: (who, when) => [`${who} cancelled the meeting`, `${who} cancelled the meeting on ${when}.`],
  propose_other_time: (who, when) => [
    `${who} proposes another time`,
    `${who} proposes to meet on ${when} instead. Accept it, decline it or propose another time.`,
  ],
};

/** The meeting, locked (FOR UPDATE), for one of its pair's partners (R-SEC-3: anyone else gets a 404). */
async function partnerMeeting(tx: Tx, actor: UserActor, meetingId: string) {
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for('update');
  if (!row) throw problems.notFound('That meeting');
  const a = await relationshipFor(tx, actor, row.relationshipId, ['mentee', 'mentor']);
  return { row, a, role: roleOf(a) };
}

/** R-MEET-2/3: accept, decline, propose another time or cancel; each change is emailed with the .ics (SEQUENCE bumped). */
export async function answerMeeting(
  db: Db,
  actor: UserActor,
  meetingId: string,
  answer: Answer,
  appUrl: string,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const { row, a, role } = await partnerMeeting(tx, actor, meetingId);
    const event: MeetingEvent =
      answer.type === 'propose_other_time'
        ? { type: answer.type, by: role, time: parseTime(answer.time) }
        : { type: answer.type, by: role };
    const t = nextMeetingState({ ...row }, event, now);
    if (!t.ok) throw problems.rule(t.rule, t.detail, 409);
    const tz = answer.type === 'propose_other_time' ? answer.time.timeZone : row.timeZone;
    const [m] = await tx
      .update(meetings)
      .set({ ...t.meeting, timeZone: tz, updatedAt: now })
      .where(eq(meetings.id, meetingId))
      .returning();
    const [title, body] = ANSWER_TEXT[answer.type](
      fullName(role === 'mentor' ? a.mentor : a.mentee),
      formatWhen(m!.startsAt, m!.timeZone),
    );
    const partner: PairRole = role === 'mentor' ? 'mentee' : 'mentor';
    // An accepted or cancelled meeting goes to both calendars; a new time goes to the partner who answers it.
    await sendCalendar(
      tx,
      a,
      m!,
      answer.type === 'propose_other_time' ? [partner] : [partner, role],
      title,
      body,
      appUrl,
    );
    return (await presentAll(tx, a, [m!], actor.employeeId))[0]!;
  });
}

export type RecordInput = { privateNote: string; sharedNote: string };

/** R-MEET-5: a partner records that the meeting was held, with a private note and an optional shared note. */
export async function recordMeeting(
  db: Db,
  actor: UserActor,
  meetingId: string,
  input: RecordInput,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const { row, a, role } = await partnerMeeting(tx, actor, meetingId);
    const ok = checkRecordHeld(row, now);
    if (!ok.ok) throw problems.rule(ok.rule, ok.detail, 409);
    const values = {
      privateNote: input.privateNote.trim(),
      sharedNote: input.sharedNote.trim(),
      recordedAt: now,
    };
    await tx
      .insert(meetingRecords)
      .values({ meetingId, authorId: actor.employeeId, role, ...values })
      .onConflictDoUpdate({ target: [meetingRecords.meetingId, meetingRecords.role], set: values });
    return (await presentAll(tx, a, [row], actor.employeeId))[0]!;
  });
}

/** R-MEET-5: a meeting the pair held without scheduling it here (a call, a hallway talk), recorded afterwards. */
export async function recordPastMeeting(
  db: Db,
  actor: UserActor,
  relId: string,
  input: MeetingInput & RecordInput,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const a = await relationshipFor(tx, actor, relId, ['mentee', 'mentor'], true);
    const role = roleOf(a);
    const time = parseTime(input);
    if (time.startsAt > now)
      throw problems.rule(
        'R-MEET-5',
        'A meeting can be recorded once it has started; schedule a future one instead.',
        422,
      );
    if (time.startsAt < a.row.confirmedAt)
      throw problems.rule('R-MEET-5', 'That date is before the relationship was confirmed.', 422);
    const [m] = await tx
      .insert(meetings)
      .values({
        relationshipId: relId,
        state: 'accepted',
        proposedBy: role,
        timeZone: input.timeZone,
        ...time,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(meetingRecords).values({
      meetingId: m!.id,
      authorId: actor.employeeId,
      role,
      privateNote: input.privateNote.trim(),
      sharedNote: input.sharedNote.trim(),
      recordedAt: now,
    });
    return (await presentAll(tx, a, [m!], actor.employeeId))[0]!;
  });
}

/** R-MEET-3: the current .ics of one meeting, for the pair to download. */
export async function meetingIcs(db: Db, actor: UserActor, meetingId: string, appUrl: string) {
  return db.transaction(async (tx) => {
    const [m] = await tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, meetingId)));
    if (!m) throw problems.notFound('That meeting');
    const a = await relationshipFor(tx, actor, m.relationshipId, ['mentee', 'mentor']);
    const attendees = [a.mentee, a.mentor].map((p) => ({ name: fullName(p), email: p.email }));
    return meetingInvitation(
      { ...m, cancelled: m.state === 'declined' || m.state === 'cancelled' },
      `Mentoring: ${fullName(a.mentee)} and ${fullName(a.mentor)}`,
      attendees,
      appUrl,
      link(m.relationshipId),
    ).content;
  });
}
