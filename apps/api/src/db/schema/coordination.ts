import type { CohortProof } from '@hhs-mentoring/domain';
import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { employees } from './directory.js';
import { invitations } from './journey.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

// R-MATCH-3: a coordinator looks for a mentor on a mentee's behalf. One open case per mentee.
export const thirdPartyCases = pgTable(
  'third_party_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    menteeId: text('mentee_id')
      .notNull()
      .references(() => employees.id),
    coordinatorId: text('coordinator_id')
      .notNull()
      .references(() => employees.id),
    status: text('status', { enum: ['open', 'shortlisted', 'closed'] })
      .notNull()
      .default('open'),
    note: text('note').notNull().default(''),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('third_party_cases_one_open_uq')
      .on(t.menteeId)
      .where(sql`status <> 'closed'`),
    index('third_party_cases_status_idx').on(t.status),
  ],
);

// R-MATCH-3: who the coordinator contacted about the mentee and what they said.
export const thirdPartyContacts = pgTable(
  'third_party_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => thirdPartyCases.id),
    mentorId: text('mentor_id')
      .notNull()
      .references(() => employees.id),
    contactedAt: at('contacted_at').notNull(),
    outcome: text('outcome', { enum: ['interested', 'not_interested', 'no_answer'] }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: text('recorded_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('third_party_contacts_case_idx').on(t.caseId, t.contactedAt)],
);

// R-MATCH-3 / R-MATCH-4: mentors handed to a mentee with a note (from a case, or an approved cohort suggestion).
export const shortlists = pgTable(
  'shortlists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    menteeId: text('mentee_id')
      .notNull()
      .references(() => employees.id),
    caseId: uuid('case_id').references(() => thirdPartyCases.id),
    source: text('source', { enum: ['third_party', 'cohort'] }).notNull(),
    mentorIds: text('mentor_ids').array().notNull(),
    note: text('note').notNull().default(''),
    handedBy: text('handed_by').notNull(),
    handedAt: at('handed_at').notNull().defaultNow(),
  },
  (t) => [index('shortlists_mentee_idx').on(t.menteeId, t.handedAt)],
);

// R-MATCH-4: a stored cohort proposal; opdivs = [] means the whole department.
export const cohortProposals = pgTable('cohort_proposals', {
  id: uuid('id').primaryKey().defaultRandom(),
  opdivs: text('opdivs').array().notNull(),
  createdBy: text('created_by').notNull(),
  topK: integer('top_k').notNull(),
  total: doublePrecision('total').notNull(),
  greedyTotal: doublePrecision('greedy_total').notNull(),
  menteeCount: integer('mentee_count').notNull(),
  mentorCount: integer('mentor_count').notNull(),
  unmatched: jsonb('unmatched').$type<Array<{ menteeId: string; reason: string }>>().notNull(),
  /** R-MATCH-4-OPT: how the total was proven best (null for proposals made before issue 21). */
  proof: jsonb('proof').$type<CohortProof>(),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const cohortProposalPairs = pgTable(
  'cohort_proposal_pairs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => cohortProposals.id),
    menteeId: text('mentee_id')
      .notNull()
      .references(() => employees.id),
    mentorId: text('mentor_id')
      .notNull()
      .references(() => employees.id),
    score: doublePrecision('score').notNull(),
    reasons: text('reasons').array().notNull(),
    status: text('status', { enum: ['proposed', 'invited', 'suggested', 'refused'] })
      .notNull()
      .default('proposed'),
    refusalRule: text('refusal_rule'),
    refusalDetail: text('refusal_detail'),
    invitationId: uuid('invitation_id').references(() => invitations.id),
    shortlistId: uuid('shortlist_id').references(() => shortlists.id),
    decidedBy: text('decided_by'),
    decidedAt: at('decided_at'),
  },
  (t) => [index('cohort_pairs_proposal_idx').on(t.proposalId)],
);
