import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { employees } from './directory.js';

// R-ACC-1: one-time links sent by email (registration and password reset). Only the SHA-256 of the token is
// stored, so a copy of the database cannot be used to take over accounts. A registration carries the password
// hash chosen with it: the account is created only when the link proves the mailbox (docs/decisions/0701).
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: text('employee_id')
      .notNull()
      .references(() => employees.id),
    purpose: text('purpose', { enum: ['register', 'password_reset'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    passwordHash: text('password_hash'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('account_tokens_hash_uq').on(t.tokenHash),
    index('account_tokens_employee_idx').on(t.employeeId, t.purpose),
  ],
);
