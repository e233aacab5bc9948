import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { relationships } from './journey.js';

const at = (name: string) => timestamp(name, { withTimezone: true });
const relationshipRef = () =>
  uuid('relationship_id')
    .notNull()
    .references(() => relationships.id);
// Optimistic concurrency (issue 4 §3): every write names the version it read; a stale write gets 412.
const versioned = {
  version: integer('version').notNull().default(1),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by'),
};

export type IdpActivity = {
  kind: 'training' | 'detail' | 'on_the_job' | 'shadowing' | 'reading' | 'other';
  description: string;
  targetDate: string;
  status: 'planned' | 'in_progress' | 'done' | 'dropped';
};
export type IdpObjective = { text: string; competency?: string };

// §6 mentoring agreement (appendix A). Both sign; an edit after a signature clears the signatures.
export const agreements = pgTable('agreements', {
  relationshipId: relationshipRef().primaryKey(),
  goals: text('goals').notNull().default(''),
  meetingFrequency: text('meeting_frequency').notNull().default(''),
  meetingLength: text('meeting_length').notNull().default(''),
  /** R-MEET-1: the agreed interval between meetings and the usual way of meeting. */
  cadence: text('cadence', { enum: ['weekly', 'every_2_weeks', 'every_4_weeks', 'monthly'] }),
  usualMode: text('usual_mode', { enum: ['in_person', 'phone', 'video'] }),
  communicationMethods: text('communication_methods')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  confidentiality: text('confidentiality').notNull().default(''),
  boundaries: text('boundaries').notNull().default(''),
  noFaultTermination: boolean('no_fault_termination').notNull().default(false),
  mentorSignature: text('mentor_signature'),
  mentorSignedAt: at('mentor_signed_at'),
  menteeSignature: text('mentee_signature'),
  menteeSignedAt: at('mentee_signed_at'),
  ...versioned,
});

// §6 IDP (appendix D), shared with the mentee's supervisor who may add input (R-SEC-1).
export const idps = pgTable('idps', {
  relationshipId: relationshipRef().primaryKey(),
  strengths: text('strengths').notNull().default(''),
  developmentalNeeds: text('developmental_needs')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  objectives: jsonb('objectives').$type<IdpObjective[]>().notNull().default([]),
  activities: jsonb('activities').$type<IdpActivity[]>().notNull().default([]),
  reviewDates: jsonb('review_dates').$type<string[]>().notNull().default([]),
  supervisorInput: text('supervisor_input'),
  supervisorInputBy: text('supervisor_input_by'),
  supervisorInputAt: at('supervisor_input_at'),
  sharedWithSupervisorAt: at('shared_with_supervisor_at'),
  sharedSupervisorId: text('shared_supervisor_id'),
  ...versioned,
});

// §6 6-month progress report (appendices B, C), one per partner; readable by its author and coordinators.
export const progressReports = pgTable(
  'progress_reports',
  {
    relationshipId: relationshipRef(),
    role: text('role', { enum: ['mentor', 'mentee'] }).notNull(),
    authorId: text('author_id').notNull(),
    meetingsHeld: integer('meetings_held').notNull().default(0),
    objectivesProgress: text('objectives_progress').notNull().default(''),
    relationshipRating: integer('relationship_rating'),
    concerns: text('concerns').notNull().default(''),
    wantsCoordinatorContact: boolean('wants_coordinator_contact').notNull().default(false),
    submittedAt: at('submitted_at'),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.relationshipId, t.role] }),
    check(
      'progress_rating_ck',
      sql`${t.relationshipRating} is null or ${t.relationshipRating} between 1 and 5`,
    ),
  ],
);

// §6 1-year completion survey (appendices E, F): guide §XII areas on 1..5, would recommend 0..10.
export const completionSurveys = pgTable(
  'completion_surveys',
  {
    relationshipId: relationshipRef(),
    role: text('role', { enum: ['mentor', 'mentee'] }).notNull(),
    authorId: text('author_id').notNull(),
    programObjectives: integer('program_objectives'),
    selectionMatching: integer('selection_matching'),
    relationship: integer('relationship'),
    training: integer('training'),
    programSupport: integer('program_support'),
    comments: text('comments').notNull().default(''),
    wouldRecommend: integer('would_recommend'),
    submittedAt: at('submitted_at'),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.relationshipId, t.role] }),
    check('survey_recommend_ck', sql`${t.wouldRecommend} is null or ${t.wouldRecommend} between 0 and 10`),
    check(
      'survey_scale_ck',
      sql`coalesce(least(${t.programObjectives}, ${t.selectionMatching}, ${t.relationship}, ${t.training}, ${t.programSupport}), 1) >= 1
        and coalesce(greatest(${t.programObjectives}, ${t.selectionMatching}, ${t.relationship}, ${t.training}, ${t.programSupport}), 5) <= 5`,
    ),
  ],
);
