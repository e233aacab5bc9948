import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { notificationPreferences } from '../../db/schema/index.js';

/** R-NUDGE-4: who among these people turned nudges off. */
export async function nudgesOffAmong(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: notificationPreferences.employeeId })
    .from(notificationPreferences)
    .where(
      and(inArray(notificationPreferences.employeeId, ids), eq(notificationPreferences.nudgesOff, true)),
    );
  return new Set(rows.map((r) => r.id));
}

export async function readPreferences(db: Db, employeeId: string) {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.employeeId, employeeId));
  return { nudgesOff: row?.nudgesOff ?? false };
}

export async function writePreferences(db: Db, employeeId: string, nudgesOff: boolean) {
  await db
    .insert(notificationPreferences)
    .values({ employeeId, nudgesOff, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: notificationPreferences.employeeId,
      set: { nudgesOff, updatedAt: new Date() },
    });
  return { nudgesOff };
}
