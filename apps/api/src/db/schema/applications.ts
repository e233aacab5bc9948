import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { employees } from './directory.js';

export type PositionHeld = { title: string; organization: string; years: number };

const common = {
  bio: text('bio').notNull().default(''),
  education: text('education').notNull().default(''),
  positions: jsonb('positions').$type<PositionHeld[]>().notNull().default([]),
  communicationMethods: text('communication_methods')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull(),
  acknowledgementVersion: text('acknowledgement_version').notNull(),
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

// R-APP-1 / R-APP-2 / R-CAP-1: a mentor's application.
export const mentorApplications = pgTable(
  'mentor_applications',
  {
    employeeId: text('employee_id')
      .primaryKey()
      .references(() => employees.id),
    ...common,
    competencies: text('competencies')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    technicalAreas: text('technical_areas').notNull().default(''),
    platforms: text('platforms').array().notNull(),
    capacity: integer('capacity').notNull(),
    acceptsOtherOpdivs: boolean('accepts_other_opdivs').notNull().default(true),
    paused: boolean('paused').notNull().default(false),
  },
  (t) => [
    check('mentor_capacity_ck', sql`${t.capacity} between 1 and 5`),
    check(
      'mentor_platforms_ck',
      sql`cardinality(${t.platforms}) > 0 and ${t.platforms} <@ array['s2j','p2p']`,
    ),
    index('mentor_competencies_gin').using('gin', t.competencies),
    index('mentor_expertise_trgm_idx').using('gin', sql`${t.technicalAreas} gin_trgm_ops`),
  ],
);

// R-APP-1: a mentee's application; developmental needs are ranked, most important first.
export const menteeApplications = pgTable(
  'mentee_applications',
  {
    employeeId: text('employee_id')
      .primaryKey()
      .references(() => employees.id),
    ...common,
    developmentalNeeds: text('developmental_needs').array().notNull(),
    shortTermGoals: text('short_term_goals').notNull().default(''),
    longTermGoals: text('long_term_goals').notNull().default(''),
    platform: text('platform', { enum: ['s2j', 'p2p'] }).notNull(),
    locationPreference: text('location_preference', {
      enum: ['same_location', 'same_opdiv', 'cross_opdiv', 'no_preference'],
    })
      .notNull()
      .default('no_preference'),
  },
  (t) => [check('mentee_needs_ck', sql`cardinality(${t.developmentalNeeds}) between 1 and 8`)],
);
