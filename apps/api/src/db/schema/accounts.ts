import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { employees, opdivs } from './directory.js';

// R-ACC-1: an account belongs to exactly one directory entry.
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: text('employee_id')
      .notNull()
      .references(() => employees.id),
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    oidcSubject: text('oidc_subject'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** Sessions carry it; raising it ends every session signed before (password reset, "sign out everywhere"). */
    sessionVersion: integer('session_version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_employee_uq').on(t.employeeId),
    uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
    uniqueIndex('users_oidc_subject_uq').on(t.oidcSubject),
  ],
);

// R-ROLE-1/2: roles beyond participant. A coordinator grant carries the OPDIV it covers; several
// coordinators may share one OPDIV and one coordinator may cover several.
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['coordinator', 'program_manager'] }).notNull(),
    opdiv: text('opdiv').references(() => opdivs.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('role_grants_uq').on(t.userId, t.role, sql`coalesce(${t.opdiv}, '')`),
    index('role_grants_user_idx').on(t.userId),
    check(
      'role_grants_scope_ck',
      sql`(${t.role} = 'coordinator' and ${t.opdiv} is not null) or (${t.role} = 'program_manager' and ${t.opdiv} is null)`,
    ),
  ],
);

// R-SEC-6: sessions ended by signing out. A user token carries its session id (`sid`); a row here refuses it
// until the token would have expired anyway, when the daily prune job forgets it.
export const revokedSessions = pgTable(
  'revoked_sessions',
  {
    sessionId: uuid('session_id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('revoked_sessions_expires_idx').on(t.expiresAt)],
);
