import { hash, verify } from '@node-rs/argon2';
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { revokedSessions, users } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { clearCounters, countHit, peekHits } from '../platform/counters.js';
import { accountEmailSubject, queueAccountEmail } from './account-tokens.js';
import type { UserActor } from './actors.js';
import { audit, type AuditContext } from '../platform/audit.js';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1).
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * R-SEC-7: sign-in throttling without lock-out (decision 0803). Counters are keyed by the email typed, whether or
 * not an account has it, so the answers never tell (R-SEC-8). One address that keeps failing for one email cools
 * down (429 + Retry-After) while the owner, from anywhere else, can still sign in; failures for an email from
 * everywhere only slow its sign-ins down, and the owner hears of them by email.
 */
export const SIGN_IN_THROTTLE = {
  windowMs: 15 * 60_000,
  /** Failures from one address for one email before that address cools down for the rest of the window. */
  perAddress: 5,
  /** Failures for one email (all addresses) after which every sign-in to it waits, doubling each time. */
  delayAfter: 3,
  firstDelayMs: 250,
  maxDelayMs: 8_000,
  /** Failures for one email (all addresses) at which its owner is told by email, once per window. */
  notifyAt: 10,
} as const;

/**
 * The password hashing every account path goes through. An object, so a test can count the hashing work done for
 * a known and an unknown email (R-SEC-8).
 */
export const passwordHashing = {
  hash: (password: string) => hash(password, ARGON),
  verify: (digest: string, password: string) => verify(digest, password),
};
export const hashPassword = (password: string) => passwordHashing.hash(password);
/**
 * What an unknown email's password is checked against (R-SEC-8): a fixed argon2id hash with the same parameters,
 * of random bytes nobody kept. A constant, so even the first unknown email after a start costs one check, not a
 * hash and a check.
 */
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$sc3qVxHtCSxyBJrrSzZ+cQ$As1blZ5zTgCxxVmuOodNI7v97fLtk1+S6zktxYvlm/Q';
/** The subject of the email telling an account holder about repeated failed sign-ins (R-SEC-7). */
export const SIGN_IN_NOTICE = 'Someone is trying to sign in to your account';
export const SIGN_IN_NOTICE_SUBJECT = accountEmailSubject(SIGN_IN_NOTICE);

export function signInDelayMs(accountFailures: number): number {
  const t = SIGN_IN_THROTTLE;
  if (accountFailures < t.delayAfter) return 0;
  return Math.min(t.firstDelayMs * 2 ** (accountFailures - t.delayAfter), t.maxDelayMs);
}

/** A password reset proves the mailbox: the email's sign-in counters start again (R-SEC-7). */
export const clearSignInThrottle = (db: Db, email: string) =>
  clearCounters(db, [`signin|account|${email.toLowerCase()}`, `signin|pair|${email.toLowerCase()}|`]);

type SignInOptions = {
  ip: string;
  appUrl: string;
  sleep?: (ms: number) => Promise<unknown>;
  /** Where work that only a known email causes goes, so it is done after answering (R-SEC-8); default: now. */
  afterAnswer?: (work: () => Promise<unknown>) => void;
};

/** Verifies a work email and password; returns the user id or throws a problem. Every outcome is audited. */
export async function passwordSignIn(
  db: Db,
  email: string,
  password: string,
  ctx: AuditContext,
  options: SignInOptions,
): Promise<string> {
  const who = email.toLowerCase();
  const pairKey = `signin|pair|${who}|${options.ip}`;
  const accountKey = `signin|account|${who}`;
  const [pair, account] = await Promise.all([peekHits(db, pairKey), peekHits(db, accountKey)]);
  if (pair.hits >= SIGN_IN_THROTTLE.perAddress) {
    await audit(
      db,
      { ...ctx, actorLabel: email },
      { action: 'auth.login_throttled', objectType: 'user', detail: { failures: pair.hits } },
    );
    throw problems.tooMany(
      'Too many sign-in attempts for this email from here. Wait a few minutes, or reset your password.',
      Math.ceil(pair.ttlMs / 1000),
    );
  }
  await (options.sleep ?? sleep)(signInDelayMs(account.hits));

  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, who));
  // An unknown email costs the same hash check as a known one (R-SEC-8).
  const matches = await passwordHashing.verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
  const ok = Boolean(user?.passwordHash) && matches;
  if (!user || !ok) {
    const [, counted] = await Promise.all([
      countHit(db, pairKey, SIGN_IN_THROTTLE.windowMs),
      countHit(db, accountKey, SIGN_IN_THROTTLE.windowMs),
    ]);
    if (user && counted.hits === SIGN_IN_THROTTLE.notifyAt) {
      const notify = () =>
        queueAccountEmail(
          db,
          user.email,
          SIGN_IN_NOTICE,
          `Someone tried to sign in to your account with a wrong password ${counted.hits} times in the last few minutes. ` +
            `If it was you, you can reset your password at ${options.appUrl}/reset-password. If it was not you, your account ` +
            'is still safe: nobody can sign in without your password, and repeated attempts are slowed down.',
        );
      if (options.afterAnswer) options.afterAnswer(notify);
      else await notify();
    }
    await audit(
      db,
      { ...ctx, actorLabel: email },
      {
        action: 'auth.login_failed',
        objectType: 'user',
        objectId: user?.id ?? null,
        detail: { reason: user ? 'wrong password' : 'unknown account', failures: counted.hits },
      },
    );
    throw problems.unauthorized('The email or password is not right.');
  }
  if (!user.emailVerifiedAt)
    throw problems.forbidden('Confirm your work email first: follow the link we sent you.');
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  await audit(
    db,
    { ...ctx, actorId: user.employeeId, actorLabel: email },
    {
      action: 'auth.login',
      objectType: 'user',
      objectId: user.id,
    },
  );
  return user.id;
}

/** "Sign out everywhere": raising the session version ends every session signed before, on every device. Audited. */
export async function endAllSessions(db: Db, actor: UserActor, ctx: AuditContext): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.userId));
    await audit(tx, ctx, {
      action: 'auth.logout_everywhere',
      objectType: 'user',
      objectId: actor.userId,
      opdivs: [actor.opdiv],
    });
  });
}

/** Forgets sign-outs whose tokens have expired anyway (the daily prune job, R-SEC-6). */
export async function pruneRevokedSessions(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(revokedSessions)
    .where(lt(revokedSessions.expiresAt, now))
    .returning({ id: revokedSessions.sessionId });
  return rows.length;
}
