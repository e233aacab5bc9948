import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// R-COMP-1: OPM leadership competencies and HHS core competencies, with definitions.
export const competencies = pgTable('competencies', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  group: text('group').notNull(),
  definition: text('definition').notNull(),
  focus: boolean('focus').notNull().default(false),
});

// One row of program settings (weights, capacity maximum, expiry days...), validated by TypeBox on write.
export const programSettings = pgTable(
  'program_settings',
  {
    id: integer('id').primaryKey().default(1),
    value: jsonb('value').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [check('program_settings_single_row_ck', sql`${t.id} = 1`)],
);
