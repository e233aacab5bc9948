import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// R-DIR-1: OPDIVs and STAFFDIVs of HHS, reference data.
export const opdivs = pgTable('opdivs', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['OPDIV', 'STAFFDIV'] }).notNull(),
});

// R-DIR-1: the employee directory, fed by HR (R-API-3). supervisor_id is not a foreign key on purpose:
// HR batches may name a supervisor that arrives in a later batch (docs/decisions/0004-directory-supervisor.md).
export const employees = pgTable(
  'employees',
  {
    id: text('id').primaryKey(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    opdiv: text('opdiv')
      .notNull()
      .references(() => opdivs.code),
    payPlan: text('pay_plan').notNull(),
    grade: text('grade').notNull(),
    gradeRank: doublePrecision('grade_rank').notNull(),
    occupationSeries: text('occupation_series').notNull(),
    occupationTitle: text('occupation_title').notNull(),
    city: text('city').notNull(),
    state: text('state').notNull(),
    timeZone: text('time_zone').notNull(),
    supervisorId: text('supervisor_id'),
    commissionedCorps: boolean('commissioned_corps').notNull().default(false),
    active: boolean('active').notNull().default(true),
    /**
     * Has ever applied, been invited or been in a relationship: set by triggers on those tables (never by the
     * application, never unset). Lets a coordinator's scope be the few thousand program people of their OPDIVs
     * rather than every employee (R-ROLE-2, R-ADMIN-1; docs/decisions/0504).
     */
    inProgram: boolean('in_program').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('employees_email_lower_uq').on(sql`lower(${t.email})`),
    index('employees_supervisor_idx').on(t.supervisorId),
    index('employees_opdiv_idx').on(t.opdiv),
    index('employees_program_opdiv_idx')
      .on(t.opdiv, t.id)
      .where(sql`${t.inProgram}`),
    index('employees_last_name_prefix_idx').on(sql`lower(${t.lastName}) text_pattern_ops`),
    index('employees_first_name_prefix_idx').on(sql`lower(${t.firstName}) text_pattern_ops`),
    index('employees_name_trgm_idx').using(
      'gin',
      sql`(lower(${t.firstName} || ' ' || ${t.lastName})) gin_trgm_ops`,
    ),
    check('employees_grade_rank_ck', sql`${t.gradeRank} between 1 and 16`),
    check('employees_not_own_supervisor_ck', sql`${t.supervisorId} is null or ${t.supervisorId} <> ${t.id}`),
  ],
);
