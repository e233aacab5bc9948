import { randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { systemClients } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import { hashPassword } from './accounts.js';
import { audit, type AuditContext } from '../platform/audit.js';

type ClientRow = typeof systemClients.$inferSelect;
export const TOKEN_TTL_SECONDS = 900;

export function presentClient(c: ClientRow) {
  return {
    id: c.id,
    name: c.name,
    scopes: c.scopes,
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
    lastTokenAt: c.lastTokenAt?.toISOString() ?? null,
    revokedAt: c.revokedAt?.toISOString() ?? null,
  };
}

/** R-API-2: a new client; the secret is returned here and never again (only its argon2id hash is kept). */
export async function createClient(db: Db, ctx: AuditContext, input: { name: string; scopes: string[] }) {
  const secret = randomBytes(32).toString('base64url');
  const secretHash = await hashPassword(secret);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(systemClients)
      .values({
        name: input.name,
        scopes: [...new Set(input.scopes)],
        secretHash,
        createdBy: ctx.actorId ?? 'unknown',
      })
      .returning();
    await audit(tx, ctx, {
      action: 'system_client.create',
      objectType: 'system_client',
      objectId: row!.id,
      detail: { name: input.name, scopes: row!.scopes },
    });
    return { ...presentClient(row!), clientSecret: secret };
  });
}

export async function listClients(db: Db) {
  return (await db.select().from(systemClients).orderBy(desc(systemClients.createdAt))).map(presentClient);
}

export async function revokeClient(db: Db, ctx: AuditContext, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(systemClients).where(eq(systemClients.id, id)).for('update');
    if (!row) throw problems.notFound('That system client');
    if (row.revokedAt) return presentClient(row);
    const [updated] = await tx
      .update(systemClients)
      .set({ revokedAt: new Date() })
      .where(eq(systemClients.id, id))
      .returning();
    await audit(tx, ctx, {
      action: 'system_client.revoke',
      objectType: 'system_client',
      objectId: id,
      detail: { name: row.name },
    });
    return presentClient(updated!);
  });
}

let dummyHash: Promise<string> | undefined;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The client for these credentials if they are right and it is not revoked; the same work either way. */
export async function authenticateClient(
  db: Db,
  clientId: string,
  secret: string,
): Promise<ClientRow | null> {
  const [row] = UUID.test(clientId)
    ? await db.select().from(systemClients).where(eq(systemClients.id, clientId))
    : [];
  const ok = await verify(
    row?.secretHash ?? (await (dummyHash ??= hashPassword(randomBytes(16).toString('hex')))),
    secret,
  ).catch(() => false);
  if (!row || !ok || row.revokedAt) return null;
  await db.update(systemClients).set({ lastTokenAt: new Date() }).where(eq(systemClients.id, row.id));
  return row;
}

/** Resolving a system actor: a revoked client's unexpired tokens stop working at once (docs/decisions/0401). */
export async function isClientActive(db: Db, clientId: string): Promise<boolean> {
  if (!UUID.test(clientId)) return false;
  const [row] = await db
    .select({ revokedAt: systemClients.revokedAt })
    .from(systemClients)
    .where(eq(systemClients.id, clientId));
  return !!row && !row.revokedAt;
}
