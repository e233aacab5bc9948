import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { accountTokens, emailOutbox } from '../../db/schema/index.js';
import { Problem } from '../../lib/problem.js';

export type TokenPurpose = 'register' | 'password_reset';
export const TOKEN_TTL_MINUTES: Record<TokenPurpose, number> = { register: 24 * 60, password_reset: 60 };

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Issues a one-time link token (32 random bytes). Earlier unused tokens of the same purpose for the person stop
 * working, so only the newest link in their mailbox counts.
 */
export async function issueToken(tx: Tx, employeeId: string, purpose: TokenPurpose, passwordHash?: string) {
  await tx
    .update(accountTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(accountTokens.employeeId, employeeId),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
      ),
    );
  const token = randomBytes(32).toString('base64url');
  await tx.insert(accountTokens).values({
    employeeId,
    purpose,
    tokenHash: sha256(token),
    passwordHash: passwordHash ?? null,
    expiresAt: new Date(Date.now() + TOKEN_TTL_MINUTES[purpose] * 60_000),
  });
  return token;
}

const linkProblem = (slug: string, detail: string) =>
  new Problem(400, slug, 'This link cannot be used', detail);

/**
 * Marks a token used and returns its row, or throws a problem naming why it cannot be used. The update is
 * conditional on used_at being null, so two concurrent uses of one link cannot both succeed.
 */
export async function consumeToken(tx: Tx, token: string, purpose: TokenPurpose) {
  const [row] = await tx
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, sha256(token)), eq(accountTokens.purpose, purpose)))
    .for('update');
  const again =
    purpose === 'register' ? 'Register again to get a new link.' : 'Ask for a new password reset link.';
  if (!row)
    throw linkProblem(
      'link-invalid',
      `This link is not valid. Copy the whole link from the email, or ${again.toLowerCase()}`,
    );
  if (row.usedAt)
    throw linkProblem('link-used', `This link was already used or replaced by a newer one. ${again}`);
  if (row.expiresAt <= new Date()) throw linkProblem('link-expired', `This link has expired. ${again}`);
  await tx.update(accountTokens).set({ usedAt: new Date() }).where(eq(accountTokens.id, row.id));
  return row;
}

export const accountEmailSubject = (subject: string) => `HHS Mentoring Program: ${subject}`;

/** Account emails go straight to the outbox: they are not inbox notices and must not show their link in the app. */
export async function queueAccountEmail(tx: Tx, to: string, subject: string, text: string) {
  await tx.insert(emailOutbox).values({
    toAddress: to,
    subject: accountEmailSubject(subject),
    textBody: `${text}\n\n— HHS Mentoring Program\nIf you did not ask for this, ignore this email; nothing changes.`,
  });
}
