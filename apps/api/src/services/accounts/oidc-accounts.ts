import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { employees, users } from '../../db/schema/index.js';
import { audit, type AuditContext } from '../platform/audit.js';

export type OidcClaims = { sub: string; email?: unknown; email_verified?: unknown };
export type OidcOutcome =
  { ok: true; userId: string } | { ok: false; reason: 'not-in-directory' | 'email-unverified' | 'conflict' };

/**
 * R-ACC-1: the account of the person the provider vouches for. The first sign-in links the directory entry with the
 * same work email (setting users.oidc_subject); later ones find it by subject. Someone not in the directory is
 * refused and nothing is created, only the audit line.
 */
export async function oidcSignIn(db: Db, claims: OidcClaims, ctx: AuditContext): Promise<OidcOutcome> {
  const email = typeof claims.email === 'string' ? claims.email : '';
  return db.transaction(async (tx) => {
    const label = { ...ctx, actorLabel: email || `oidc:${claims.sub}` };
    const refuse = async (reason: Extract<OidcOutcome, { ok: false }>['reason']) => {
      await audit(tx, label, {
        action: 'auth.login_failed',
        objectType: 'user',
        detail: { method: 'oidc', reason, subject: claims.sub },
      });
      return { ok: false as const, reason };
    };
    const [linked] = await tx
      .select({ user: users, employee: employees })
      .from(users)
      .innerJoin(employees, eq(employees.id, users.employeeId))
      .where(eq(users.oidcSubject, claims.sub));
    let userId = linked?.user.id;
    let employee = linked?.employee;
    if (!linked) {
      // Providers that do not say are trusted; one that says the email is unverified is not (docs/decisions/0700).
      if (claims.email_verified === false) return refuse('email-unverified');
      [employee] = email
        ? await tx
            .select()
            .from(employees)
            .where(and(eq(sql`lower(${employees.email})`, email.toLowerCase()), eq(employees.active, true)))
        : [];
      if (!employee) return refuse('not-in-directory');
      const [existing] = await tx.select().from(users).where(eq(users.employeeId, employee.id));
      if (existing?.oidcSubject) return refuse('conflict');
      const now = new Date();
      const [user] = existing
        ? await tx
            .update(users)
            .set({ oidcSubject: claims.sub, emailVerifiedAt: existing.emailVerifiedAt ?? now })
            .where(eq(users.id, existing.id))
            .returning()
        : await tx
            .insert(users)
            .values({
              employeeId: employee.id,
              email: employee.email,
              oidcSubject: claims.sub,
              emailVerifiedAt: now,
            })
            .returning();
      userId = user!.id;
      await audit(
        tx,
        { ...label, actorId: employee.id },
        {
          action: 'auth.oidc_linked',
          objectType: 'user',
          objectId: userId,
          opdivs: [employee.opdiv],
          detail: { subject: claims.sub, created: !existing },
        },
      );
    }
    if (!employee?.active || !userId) return refuse('not-in-directory');
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
    await audit(
      tx,
      { ...label, actorId: employee.id },
      {
        action: 'auth.login',
        objectType: 'user',
        objectId: userId,
        opdivs: [employee.opdiv],
        detail: { method: 'oidc' },
      },
    );
    return { ok: true as const, userId };
  });
}
