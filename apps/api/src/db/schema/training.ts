import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { employees, opdivs } from './directory.js';
import { competencies } from './reference.js';

export const TRAINING_KINDS = [
  'orientation_online',
  'orientation_instructor',
  'lunch_and_learn',
  'online_course',
] as const;

// R-TRAIN-1: the catalogue. opdiv null = department-wide (HHSU); set = an OPDIV's own event (docs/decisions/0400).
export const trainingEvents = pgTable(
  'training_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: TRAINING_KINDS }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    competencyCode: text('competency_code').references(() => competencies.code),
    opdiv: text('opdiv').references(() => opdivs.code),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    location: text('location'),
    lmsUrl: text('lms_url'),
    lmsCourseId: text('lms_course_id'),
    /** null = unlimited (self-paced online courses). */
    capacity: integer('capacity'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_events_starts_idx').on(t.startsAt),
    uniqueIndex('training_events_lms_course_uq').on(t.lmsCourseId),
    check('training_events_capacity_ck', sql`${t.capacity} is null or ${t.capacity} > 0`),
    check(
      'training_events_dates_ck',
      sql`${t.endsAt} is null or ${t.startsAt} is null or ${t.endsAt} > ${t.startsAt}`,
    ),
    check(
      'training_events_lunch_ck',
      sql`(${t.kind} = 'lunch_and_learn') = (${t.competencyCode} is not null)`,
    ),
  ],
);

// R-TRAIN-1: one registration per person and event; waitlisted rows are promoted in `created_at` order.
export const trainingRegistrations = pgTable(
  'training_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => trainingEvents.id),
    employeeId: text('employee_id')
      .notNull()
      .references(() => employees.id),
    status: text('status', { enum: ['registered', 'waitlisted', 'cancelled'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('training_registrations_uq').on(t.eventId, t.employeeId),
    index('training_registrations_employee_idx').on(t.employeeId),
  ],
);

// R-TRAIN-2: attendance from the LMS (R-API-3) or recorded by a coordinator; one row per person and event.
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => trainingEvents.id),
    employeeId: text('employee_id')
      .notNull()
      .references(() => employees.id),
    attendedAt: timestamp('attended_at', { withTimezone: true }).notNull(),
    source: text('source', { enum: ['lms', 'coordinator'] }).notNull(),
    recordedBy: text('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('training_attendance_uq').on(t.eventId, t.employeeId),
    index('training_attendance_employee_idx').on(t.employeeId, t.attendedAt),
  ],
);

// R-TRAIN-1: one evaluation per attendee and event (guide §XI.B).
export const trainingEvaluations = pgTable(
  'training_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => trainingEvents.id),
    employeeId: text('employee_id')
      .notNull()
      .references(() => employees.id),
    rating: integer('rating').notNull(),
    comments: text('comments').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('training_evaluations_uq').on(t.eventId, t.employeeId),
    check('training_evaluations_rating_ck', sql`${t.rating} between 1 and 5`),
  ],
);
