import { eq, sql } from 'drizzle-orm';
import { DEFAULT_SETTINGS, type ProgramSettings } from '@hhs-mentoring/domain';
import type { Tx } from '../../db/client.js';
import { programSettings } from '../../db/schema/index.js';
import type { ProgramSettingsValue } from '../../schemas/reference.js';
import { audit, type AuditContext } from './audit.js';

type SettingsRow = { value: unknown; version: number; updatedAt: Date } | undefined;

/** The stored settings over the documented defaults (a missing row or key means the default). */
export function settingsOf(row: SettingsRow) {
  const value = { ...DEFAULT_SETTINGS, ...((row?.value as Partial<ProgramSettings>) ?? {}) };
  return {
    value: value as ProgramSettingsValue,
    version: row?.version ?? 0,
    updatedAt: (row?.updatedAt ?? new Date(0)).toISOString(),
  };
}

export async function readSettings(db: Tx) {
  const [row] = await db.select().from(programSettings).where(eq(programSettings.id, 1));
  return settingsOf(row);
}

export async function currentSettings(db: Tx): Promise<ProgramSettings> {
  return (await readSettings(db)).value as unknown as ProgramSettings;
}

export async function writeSettings(db: Tx, value: ProgramSettingsValue, ctx: AuditContext) {
  const before = await readSettings(db);
  await db
    .insert(programSettings)
    .values({ id: 1, value, version: 1, updatedBy: ctx.actorId })
    .onConflictDoUpdate({
      target: programSettings.id,
      set: {
        value,
        version: sql`${programSettings.version} + 1`,
        updatedAt: new Date(),
        updatedBy: ctx.actorId,
      },
    });
  await audit(db, ctx, {
    action: 'settings.update',
    objectType: 'program_settings',
    objectId: '1',
    detail: { before: before.value, after: value },
  });
  return readSettings(db);
}
