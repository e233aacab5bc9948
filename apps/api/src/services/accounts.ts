import { hash, verify } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { Problem, problems } from '../lib/problem.js';
import type { UserActor } from './actors.js';
import { audit, type AuditContext } from './audit.js';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1).
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
export const LOCKOUT_AFTER = 5;
export const LOCKOUT_MINUTES = 15;

export const hashPassword = (password: string) => hash(password, ARGON);
let dummyHash: Promise<string> | undefined;

/** Verifies a work email and password; returns the user id or throws a problem. Every outcome is audited. */
export async function passwordSignIn(db: Db, email: string, password: string, ctx: AuditContext): Promise<string> {
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  const fail = async (reason: string, userId?: string) => {
    await audit(db, { ...ctx, actorLabel: email }, {
      action: 'auth.login_failed',
      objectType: 'user',
      objectId: userId ?? null,
      detail: { reason },
    });
    return problems.unauthorized('The email or password is not right.');
  };
  if (!user || !user.passwordHash) {
    await verify((await (dummyHash ??= hashPassword('timing-equaliser'))), password).catch(() => false);
    throw await fail('unknown account');
  }
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    await fail('locked', user.id);
    throw new Problem(423, 'account-locked', 'Account locked for a while',
      `Too many failed sign-ins. Try again after ${user.lockedUntil.toISOString()} or reset your password.`);
  }
  if (!(await verify(user.passwordHash, password).catch(() => false))) {
    // Counted in the database (not read-modify-write) so concurrent guesses cannot slip past the limit.
    const [counted] = await db
      .update(users)
      .set({ failedLogins: sql`${users.failedLogins} + 1` })
      .where(eq(users.id, user.id))
      .returning({ failures: users.failedLogins });
    const locked = (counted?.failures ?? 0) >= LOCKOUT_AFTER;
    if (locked)
      await db
        .update(users)
        .set({ failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) })
        .where(eq(users.id, user.id));
    throw await fail(locked ? 'wrong password; locked' : 'wrong password', user.id);
  }
  if (!user.emailVerifiedAt) throw problems.forbidden('Confirm your work email first: follow the link we sent you.');
  await db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
  await audit(db, { ...ctx, actorId: user.employeeId, actorLabel: email }, {
    action: 'auth.login',
    objectType: 'user',
    objectId: user.id,
  });
  return user.id;
}

/** "Sign out everywhere": raising the session version ends every session signed before, on every device. Audited. */
export async function endAllSessions(db: Db, actor: UserActor, ctx: AuditContext): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, actor.userId));
    await audit(tx, ctx, { action: 'auth.logout_everywhere', objectType: 'user', objectId: actor.userId, opdivs: [actor.opdiv] });
  });
}
