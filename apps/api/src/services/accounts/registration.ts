import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { employees, users } from '../../db/schema/index.js';
import { Problem, problems } from '../../lib/problem.js';
import { clearSignInThrottle, hashPassword } from './accounts.js';
import {
  consumeToken,
  issueToken,
  queueAccountEmail,
  TOKEN_TTL_MINUTES,
  type TokenPurpose,
} from './account-tokens.js';
import { audit, type AuditContext } from '../platform/audit.js';
import { checkNewPassword } from './password-policy.js';

export function assertPassword(password: string, email: string) {
  const refusal = checkNewPassword(password, email);
  if (refusal) throw problems.badRequest(refusal.message, [refusal]);
}

const findEmployee = async (tx: Tx, email: string) =>
  (
    await tx
      .select()
      .from(employees)
      .where(eq(sql`lower(${employees.email})`, email.toLowerCase()))
  )[0];
const findUser = async (tx: Tx, employeeId: string) =>
  (await tx.select().from(users).where(eq(users.employeeId, employeeId)))[0];

/**
 * R-ACC-1: local registration. The caller always gets the same answer, whoever the email belongs to, so the
 * endpoint cannot be used to learn who is in the directory or has an account (docs/decisions/0701). The route runs
 * it after answering, so the timing does not tell either (R-SEC-8).
 */
export async function register(db: Db, email: string, password: string, appUrl: string, ctx: AuditContext) {
  assertPassword(password, email);
  const passwordHash = await hashPassword(password);
  const label = { ...ctx, actorLabel: email };
  await db.transaction(async (tx) => {
    const employee = await findEmployee(tx, email);
    if (!employee || !employee.active) {
      await audit(tx, label, {
        action: 'auth.register_refused',
        objectType: 'user',
        detail: { reason: 'not in the directory' },
      });
      return;
    }
    const existing = await findUser(tx, employee.id);
    if (existing?.emailVerifiedAt) {
      await queueAccountEmail(
        tx,
        employee.email,
        'You already have an account',
        `Hello ${employee.firstName},\n\nSomeone (probably you) tried to register with this work email, but you already have an account. Sign in at ${appUrl}/sign-in, or reset your password at ${appUrl}/reset-password.`,
      );
      await audit(tx, label, {
        action: 'auth.register_existing',
        objectType: 'user',
        objectId: existing.id,
        opdivs: [employee.opdiv],
      });
      return;
    }
    const token = await issueToken(tx, employee.id, 'register', passwordHash);
    await queueAccountEmail(
      tx,
      employee.email,
      'Confirm your work email',
      `Hello ${employee.firstName},\n\nTo finish setting up your account in the HHS Mentoring Matching System, open this link within ${TOKEN_TTL_MINUTES.register / 60} hours:\n${appUrl}/verify-email?token=${token}\n\nThe link works once.`,
    );
    await audit(tx, label, {
      action: 'auth.register',
      objectType: 'employee',
      objectId: employee.id,
      opdivs: [employee.opdiv],
    });
  });
}

/** Runs a token-consuming change; a refused link is audited outside the rolled-back transaction. */
async function withToken<T>(
  db: Db,
  token: string,
  purpose: TokenPurpose,
  ctx: AuditContext,
  change: (tx: Tx, row: Awaited<ReturnType<typeof consumeToken>>) => Promise<T>,
) {
  try {
    return await db.transaction(async (tx) => change(tx, await consumeToken(tx, token, purpose)));
  } catch (error) {
    if (error instanceof Problem && error.slug.startsWith('link-'))
      await audit(db, ctx, {
        action: `auth.${purpose}_link_refused`,
        objectType: 'account_token',
        detail: { reason: error.slug },
      });
    throw error;
  }
}

/** R-ACC-1: the link proves the mailbox; only now is the account created (or given the password chosen). */
export async function verifyEmail(db: Db, token: string, ctx: AuditContext): Promise<string> {
  return withToken(db, token, 'register', ctx, async (tx, row) => {
    const [employee] = await tx.select().from(employees).where(eq(employees.id, row.employeeId));
    if (!employee?.active) throw problems.forbidden('This directory entry is no longer active.', 'R-ACC-1');
    const now = new Date();
    const [user] = await tx
      .insert(users)
      .values({
        employeeId: employee.id,
        email: employee.email,
        passwordHash: row.passwordHash,
        emailVerifiedAt: now,
      })
      .onConflictDoUpdate({
        target: users.employeeId,
        set: { passwordHash: row.passwordHash, emailVerifiedAt: now, failedLogins: 0, lockedUntil: null },
      })
      .returning();
    await audit(
      tx,
      { ...ctx, actorId: employee.id, actorLabel: employee.email },
      { action: 'auth.email_verified', objectType: 'user', objectId: user!.id, opdivs: [employee.opdiv] },
    );
    return user!.id;
  });
}

/** Always the same answer; a link is sent only when an account exists for the email. */
export async function requestPasswordReset(db: Db, email: string, appUrl: string, ctx: AuditContext) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ user: users, employee: employees })
      .from(users)
      .innerJoin(employees, eq(employees.id, users.employeeId))
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
    const label = { ...ctx, actorLabel: email };
    if (!row || !row.employee.active) {
      await audit(tx, label, {
        action: 'auth.password_reset_requested',
        objectType: 'user',
        detail: { outcome: 'no account' },
      });
      return;
    }
    const token = await issueToken(tx, row.employee.id, 'password_reset');
    await queueAccountEmail(
      tx,
      row.user.email,
      'Reset your password',
      `Hello ${row.employee.firstName},\n\nTo choose a new password, open this link within ${TOKEN_TTL_MINUTES.password_reset} minutes:\n${appUrl}/reset-password?token=${token}\n\nThe link works once.`,
    );
    await audit(tx, label, {
      action: 'auth.password_reset_requested',
      objectType: 'user',
      objectId: row.user.id,
      opdivs: [row.employee.opdiv],
      detail: { outcome: 'link sent' },
    });
  });
}

export async function confirmPasswordReset(db: Db, token: string, password: string, ctx: AuditContext) {
  const passwordHash = await hashPassword(password);
  return withToken(db, token, 'password_reset', ctx, async (tx, row) => {
    const user = await findUser(tx, row.employeeId);
    if (!user) throw problems.notFound('The account');
    assertPassword(password, user.email);
    // The link proves the mailbox too, and a reset ends a sign-in cool-down (R-SEC-7).
    // A new password ends every earlier session (a reset is what someone does when they fear the old one is known).
    await tx
      .update(users)
      .set({
        passwordHash,
        failedLogins: 0,
        lockedUntil: null,
        emailVerifiedAt: user.emailVerifiedAt ?? new Date(),
        sessionVersion: sql`${users.sessionVersion} + 1`,
      })
      .where(eq(users.id, user.id));
    await audit(
      tx,
      { ...ctx, actorId: user.employeeId, actorLabel: user.email },
      { action: 'auth.password_reset', objectType: 'user', objectId: user.id },
    );
    await clearSignInThrottle(tx, user.email);
    return user.id;
  });
}
