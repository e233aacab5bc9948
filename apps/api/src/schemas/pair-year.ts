import { Type } from '@sinclair/typebox';
import { Paged } from '../lib/pagination.js';

const Role = Type.Union([Type.Literal('mentor'), Type.Literal('mentee')]);
const Mode = Type.Union([Type.Literal('in_person'), Type.Literal('phone'), Type.Literal('video')]);
const Cadence = Type.Union([
  Type.Literal('weekly'),
  Type.Literal('every_2_weeks'),
  Type.Literal('every_4_weeks'),
  Type.Literal('monthly'),
]);
const When = Type.String({ format: 'date-time' });

export const MeetingTimeSchema = Type.Object({
  startsAt: Type.String({
    format: 'date-time',
    description: 'Start, with its offset (e.g. 2027-03-04T10:00:00-05:00)',
  }),
  timeZone: Type.String({
    minLength: 1,
    maxLength: 64,
    description: 'IANA time zone the pair reads the time in, e.g. America/New_York',
  }),
  durationMinutes: Type.Integer({ minimum: 15, maximum: 240 }),
  mode: Mode,
  location: Type.String({ maxLength: 500, description: 'Video link or room; empty for phone' }),
  agenda: Type.String({ maxLength: 2000 }),
});
export const MeetingNotesSchema = Type.Object({
  privateNote: Type.String({ maxLength: 2000, description: 'Readable by its author only (R-MEET-5)' }),
  sharedNote: Type.String({ maxLength: 2000, description: 'Readable by both partners' }),
});
export const PastMeetingSchema = Type.Composite([MeetingTimeSchema, MeetingNotesSchema]);
export const MeetingAnswerSchema = Type.Union([
  Type.Object({ type: Type.Literal('accept') }),
  Type.Object({ type: Type.Literal('decline') }),
  Type.Object({ type: Type.Literal('cancel') }),
  Type.Object({ type: Type.Literal('propose_other_time'), time: MeetingTimeSchema }),
]);

export const MeetingSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    relationshipId: Type.String({ format: 'uuid' }),
    state: Type.Union([
      Type.Literal('proposed'),
      Type.Literal('accepted'),
      Type.Literal('declined'),
      Type.Literal('cancelled'),
    ]),
    proposedBy: Role,
    startsAt: When,
    timeZone: Type.String(),
    durationMinutes: Type.Integer(),
    mode: Mode,
    location: Type.String(),
    agenda: Type.String(),
    sequence: Type.Integer({ description: 'iCalendar SEQUENCE (R-MEET-3)' }),
    held: Type.Boolean(),
    recordedBy: Type.Array(Role),
    myPrivateNote: Type.Union([Type.String(), Type.Null()]),
    sharedNotes: Type.Array(Type.Object({ role: Role, note: Type.String() })),
  },
  { $id: 'Meeting', title: 'Meeting' },
);

export const CadenceSummarySchema = Type.Object({
  cadence: Cadence,
  cadenceAgreed: Type.Boolean({
    description: 'false: monthly by default until the agreement names a cadence (R-MEET-1)',
  }),
  usualMode: Type.Union([Mode, Type.Null()]),
  meetingsHeld: Type.Integer(),
  lastMeetingAt: Type.Union([When, Type.Null()]),
  nextMeeting: Type.Union([
    Type.Null(),
    Type.Object({ id: Type.String(), startsAt: When, timeZone: Type.String(), state: Type.String() }),
  ]),
  status: Type.Union([Type.Literal('on_track'), Type.Literal('nudge'), Type.Literal('quiet')]),
  nudgeAt: When,
  quietAt: When,
});
/** R-MEET-1/6: the cadence summary beside a page of the pair's meetings, latest first (R-API-4). */
export const MeetingListSchema = Paged(Type.Ref('Meeting'), { summary: CadenceSummarySchema });
export const CalendarFeedSchema = Type.Object({
  active: Type.Boolean(),
  createdAt: Type.Union([When, Type.Null()]),
  url: Type.Union([Type.String(), Type.Null()], {
    description: 'Shown only when the feed is made; keep it secret',
  }),
});
export const FeedTokenParamsSchema = Type.Object({
  token: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}\\.ics$' }),
});
export const QuietPairSchema = Type.Object({
  relationshipId: Type.String({ format: 'uuid' }),
  menteeName: Type.String(),
  mentorName: Type.String(),
  menteeOpdiv: Type.String(),
  mentorOpdiv: Type.String(),
  cadence: Cadence,
  lastMeetingAt: Type.Union([When, Type.Null()]),
  confirmedAt: When,
  daysSinceMeeting: Type.Integer(),
});
export const PreferencesSchema = Type.Object({
  nudgesOff: Type.Boolean({ description: 'No reminders (R-NUDGE-4); required notices still arrive' }),
});
export const PairYearCountsSchema = Type.Object({
  quietPairs: Type.Integer(),
  meetingsHeldLast30Days: Type.Integer(),
  remindersLast30Days: Type.Object({
    cadence: Type.Integer(),
    unmatched: Type.Integer(),
    invitation: Type.Integer(),
    unconfirmed: Type.Integer(),
    newMentor: Type.Integer({ description: "New mentors in a mentee's top 5 (R-WAIT-5)" }),
  }),
  remindersAwaitingDelivery: Type.Integer({
    description: 'Reminder emails still in the outbox, not yet delivered (R-NUDGE-5)',
  }),
  menteesWaiting: Type.Integer(),
  completedEarly: Type.Integer(),
});

export const MessageSchema = Type.Object({
  id: Type.Integer({ description: "0 for the invitation's own message, which opens its thread" }),
  authorId: Type.String(),
  authorName: Type.String(),
  mine: Type.Boolean(),
  body: Type.String({ description: 'Plain text; render as text, never as HTML (R-MSG-2)' }),
  sentAt: When,
});
/** R-MSG-1/3: the thread's own fields beside a page of its messages, newest first; `next` leads to earlier ones. */
export const ThreadSchema = Paged(MessageSchema, {
  kind: Type.Union([Type.Literal('relationship'), Type.Literal('invitation')]),
  id: Type.String(),
  open: Type.Boolean(),
  partnerName: Type.String(),
  partnerReadUpTo: Type.Integer({ description: 'Read receipt: the partner has read messages up to this id' }),
});
export const SendMessageSchema = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
/** R-MSG-3: a page of my threads with unread messages; `total` counts the unread messages in all of them. */
export const UnreadSchema = Paged(
  Type.Object({
    kind: Type.Union([Type.Literal('relationship'), Type.Literal('invitation')]),
    id: Type.String(),
    unread: Type.Integer(),
  }),
);
export const MentorIdParamsSchema = Type.Object({ mentorId: Type.String({ minLength: 1, maxLength: 40 }) });
export const WaitlistEntrySchema = Type.Object({
  mentorId: Type.String(),
  mentorName: Type.String(),
  joinedAt: When,
  notifiedAt: Type.Union([When, Type.Null()]),
  position: Type.Union([Type.Integer(), Type.Null()], {
    description: '1 = next to be told; null once told of a place',
  }),
});
export const EarlyCompletionSchema = Type.Object({
  agreed: Type.Object({
    mentor: Type.Union([When, Type.Null()]),
    mentee: Type.Union([When, Type.Null()]),
    coordinator: Type.Union([When, Type.Null()]),
  }),
  allowedFrom: When,
  completedEarly: Type.Boolean(),
});
export const EarlyCompletionBodySchema = Type.Object(
  { note: Type.String({ maxLength: 2000 }) },
  { additionalProperties: false },
);
