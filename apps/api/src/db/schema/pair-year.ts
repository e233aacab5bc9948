import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { employees } from './directory.js';
import { invitations, relationships } from './journey.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

// R-MEET-2: a meeting the pair proposes and answers; its id is the iCalendar UID, `sequence` its SEQUENCE (R-MEET-3).
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationships.id),
    state: text('state', { enum: ['proposed', 'accepted', 'declined', 'cancelled'] }).notNull(),
    proposedBy: text('proposed_by', { enum: ['mentor', 'mentee'] }).notNull(),
    startsAt: at('starts_at').notNull(),
    timeZone: text('time_zone').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    mode: text('mode', { enum: ['in_person', 'phone', 'video'] }).notNull(),
    location: text('location').notNull().default(''),
    agenda: text('agenda').notNull().default(''),
    sequence: integer('sequence').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('meetings_relationship_idx').on(t.relationshipId, t.startsAt),
    check('meetings_duration_ck', sql`${t.durationMinutes} between 15 and 240`),
  ],
);

// R-MEET-5: each partner's record that a meeting was held. The private note is its author's alone.
export const meetingRecords = pgTable(
  'meeting_records',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    authorId: text('author_id')
      .notNull()
      .references(() => employees.id),
    role: text('role', { enum: ['mentor', 'mentee'] }).notNull(),
    privateNote: text('private_note').notNull().default(''),
    sharedNote: text('shared_note').notNull().default(''),
    recordedAt: at('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.role] })],
);

// R-MEET-4: a personal read-only calendar feed; only the token's hash is stored, and revoking deletes the row.
export const calendarFeeds = pgTable('calendar_feeds', {
  employeeId: text('employee_id')
    .primaryKey()
    .references(() => employees.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: at('created_at').notNull().defaultNow(),
});

// R-MSG-1: one thread per relationship and one per invitation; exactly one of the two is set.
export const messages = pgTable(
  'messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    relationshipId: uuid('relationship_id').references(() => relationships.id),
    invitationId: uuid('invitation_id').references(() => invitations.id),
    authorId: text('author_id')
      .notNull()
      .references(() => employees.id),
    body: text('body').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('messages_one_thread_ck', sql`(${t.relationshipId} is null) <> (${t.invitationId} is null)`),
    check('messages_body_ck', sql`char_length(${t.body}) between 1 and 2000`),
    index('messages_relationship_idx').on(t.relationshipId, t.id),
    index('messages_invitation_idx').on(t.invitationId, t.id),
  ],
);

// R-MSG-3: how far each reader has read a thread (unread counts and read receipts). `thread` is "r:<id>" or "i:<id>".
export const messageReads = pgTable(
  'message_reads',
  {
    thread: text('thread').notNull(),
    employeeId: text('employee_id')
      .notNull()
      .references(() => employees.id),
    lastReadId: integer('last_read_id').notNull().default(0),
    readAt: at('read_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.thread, t.employeeId] })],
);

// R-WAIT-1: mentees waiting for a place with a full or paused mentor, in the order they asked.
export const mentorWaitlist = pgTable(
  'mentor_waitlist',
  {
    mentorId: text('mentor_id')
      .notNull()
      .references(() => employees.id),
    menteeId: text('mentee_id')
      .notNull()
      .references(() => employees.id),
    joinedAt: at('joined_at').notNull().defaultNow(),
    notifiedAt: at('notified_at'),
  },
  (t) => [
    primaryKey({ columns: [t.mentorId, t.menteeId] }),
    index('mentor_waitlist_order_idx').on(t.mentorId, t.joinedAt),
  ],
);

// R-NUDGE-4: a person's choice to receive no nudges (the program's required notices still arrive).
export const notificationPreferences = pgTable('notification_preferences', {
  employeeId: text('employee_id')
    .primaryKey()
    .references(() => employees.id),
  nudgesOff: boolean('nudges_off').notNull().default(false),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

// R-END-1: each party's agreement that the goals are met (mentor, mentee, coordinator).
export const earlyCompletionAgreements = pgTable(
  'early_completion_agreements',
  {
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationships.id),
    party: text('party', { enum: ['mentor', 'mentee', 'coordinator'] }).notNull(),
    agreedBy: text('agreed_by').notNull(),
    note: text('note').notNull().default(''),
    agreedAt: at('agreed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.relationshipId, t.party] })],
);

/** R-MEET-3: the calendar part of an outbox email (nodemailer's icalEvent). */
export type OutboxCalendar = { method: 'REQUEST' | 'CANCEL'; filename: string; content: string };
export const outboxCalendarColumn = () => jsonb('ical_event').$type<OutboxCalendar>();

/**
 * When a queued email or webhook delivery is next tried. Due from the millisecond it was queued (decision 0648): a
 * worker's clock has milliseconds only, so a row queued a fraction of a millisecond before it reads the time is due.
 */
export const nextAttemptColumn = () =>
  at('next_attempt_at')
    .notNull()
    .default(sql`date_trunc('milliseconds', now())`);

// R-WAIT-5: a mentor who became suggestible (a new application, or one after a withdrawal), waiting for the
// `new-mentor-notices` job to tell long-unmatched mentees for whom they would rank in the top 5.
export const mentorArrivals = pgTable(
  'mentor_arrivals',
  {
    mentorId: text('mentor_id')
      .primaryKey()
      .references(() => employees.id),
    arrivedAt: at('arrived_at').notNull().defaultNow(),
    announcedAt: at('announced_at'),
  },
  (t) => [
    index('mentor_arrivals_due_idx')
      .on(t.arrivedAt)
      .where(sql`${t.announcedAt} is null`),
  ],
);
