import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { LIVE_SQL, OPEN_SQL } from '../states.js';
import { employees } from './directory.js';

const at = (name: string) => timestamp(name, { withTimezone: true });
const LIVE = sql`state in ${LIVE_SQL}`;

// §6 invitations. Open = pending or accepted (R-CAP-3). The CHECK holds R-INV-1 whatever the code does.
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    menteeId: text('mentee_id')
      .notNull()
      .references(() => employees.id),
    mentorId: text('mentor_id')
      .notNull()
      .references(() => employees.id),
    platform: text('platform', { enum: ['s2j', 'p2p'] }).notNull(),
    message: text('message').notNull().default(''),
    state: text('state', {
      enum: ['pending', 'accepted', 'declined', 'withdrawn', 'expired', 'confirmed', 'closed'],
    }).notNull(),
    declineReason: text('decline_reason', { enum: ['time_constraints', 'mentoring_preferences', 'other'] }),
    declineNote: text('decline_note'),
    alreadyAgreed: boolean('already_agreed').notNull().default(false),
    relationshipId: uuid('relationship_id'),
    sentAt: at('sent_at').notNull().defaultNow(),
    answeredAt: at('answered_at'),
    expiresAt: at('expires_at').notNull(),
    closedAt: at('closed_at'),
    version: integer('version').notNull().default(1),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('invitations_not_self_ck', sql`${t.menteeId} <> ${t.mentorId}`),
    uniqueIndex('invitations_one_open_per_pair_uq')
      .on(t.menteeId, t.mentorId)
      .where(sql`state in ${OPEN_SQL}`),
    index('invitations_mentee_idx').on(t.menteeId, t.state),
    index('invitations_mentor_idx').on(t.mentorId, t.state),
    index('invitations_expiry_idx')
      .on(t.expiresAt)
      .where(sql`state = 'pending'`),
  ],
);

// §6 relationships. Milestones are columns (one row, one lock); R-CAP-2 is also a partial unique index.
export const relationships = pgTable(
  'relationships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    menteeId: text('mentee_id')
      .notNull()
      .references(() => employees.id),
    mentorId: text('mentor_id')
      .notNull()
      .references(() => employees.id),
    platform: text('platform', { enum: ['s2j', 'p2p'] }).notNull(),
    state: text('state', {
      enum: ['onboarding', 'active', 'termination_requested', 'completed', 'terminated'],
    }).notNull(),
    confirmedAt: at('confirmed_at').notNull(),
    orientationAt: at('orientation_at'),
    orientationWaived: boolean('orientation_waived').notNull().default(false),
    agreementAt: at('agreement_completed_at'),
    idpAt: at('idp_completed_at'),
    progressMentorAt: at('progress_mentor_at'),
    progressMenteeAt: at('progress_mentee_at'),
    surveyMentorAt: at('survey_mentor_at'),
    surveyMenteeAt: at('survey_mentee_at'),
    terminationRequestedBy: text('termination_requested_by', { enum: ['mentor', 'mentee'] }),
    terminationReason: text('termination_reason'),
    terminationRequestedAt: at('termination_requested_at'),
    terminationFromState: text('termination_from_state', { enum: ['onboarding', 'active'] }),
    guidanceText: text('guidance_text'),
    guidanceBy: text('guidance_by'),
    guidanceAt: at('guidance_at'),
    endedAt: at('ended_at'),
    endedBy: text('ended_by'),
    endedReason: text('ended_reason'),
    /** R-END-1: completed early with everyone's agreement, counted apart in reports. */
    completedEarly: boolean('completed_early').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('relationships_not_self_ck', sql`${t.menteeId} <> ${t.mentorId}`),
    uniqueIndex('relationships_one_live_per_mentee_uq').on(t.menteeId).where(LIVE),
    index('relationships_mentor_live_idx').on(t.mentorId).where(LIVE),
    index('relationships_state_idx').on(t.state),
  ],
);

// R-LIFE-8: every transition, who did it and when.
export const relationshipEvents = pgTable(
  'relationship_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationships.id),
    event: text('event').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: text('actor_id'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('relationship_events_rel_idx').on(t.relationshipId, t.at)],
);

// R-LIFE-4: a partner asked for the coordinator to contact them; staff close it once handled.
export const coordinatorContactRequests = pgTable(
  'coordinator_contact_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationships.id),
    requestedBy: text('requested_by')
      .notNull()
      .references(() => employees.id),
    source: text('source').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    resolvedAt: at('resolved_at'),
    resolvedBy: text('resolved_by'),
  },
  (t) => [
    index('contact_requests_open_idx')
      .on(t.relationshipId)
      .where(sql`resolved_at is null`),
  ],
);
