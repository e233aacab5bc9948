import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The one home of the schema's SQL: drizzle-kit writes new migrations here, and nothing is ever edited or removed
 * once released (forward-only, decision 0003). drizzle's migrator applies the entries of meta/_journal.json whose
 * `when` is later than the newest one the database has applied.
 */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface MigrationStatus {
  /** Journal entries the database has applied. */
  applied: number;
  /** Journal entries (by tag) this version would apply. */
  pending: string[];
  /** Applied migrations whose file differs from what the database ran: someone edited a released migration. */
  changed: string[];
  /** Migrations the database has applied that this version does not know: the database is newer than the code. */
  unknown: number;
}

type AnyDb = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

/** The journal's migrations with their tags (drizzle's reader gives the SQL, hash and time but not the tag). */
export function readMigrations() {
  return (cached ??= readMigrationsFromDisk());
}
let cached: ReturnType<typeof readMigrationsFromDisk> | undefined;

function readMigrationsFromDisk() {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  return readMigrationFiles({ migrationsFolder }).map((file, i) => ({
    ...file,
    tag: journal.entries[i]!.tag,
  }));
}

/** Compares what the database has applied with this version's migrations, without changing anything. */
export async function migrationStatus(db: AnyDb): Promise<MigrationStatus> {
  const migrations = readMigrations();
  const exists = (await db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  )) as unknown as {
    rows: { present: boolean }[];
  };
  const applied = exists.rows[0]?.present
    ? (
        (await db.execute(
          sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at`,
        )) as unknown as {
          rows: { hash: string; created_at: string | number }[];
        }
      ).rows
    : [];
  const byWhen = new Map(migrations.map((m) => [m.folderMillis, m]));
  const changed: string[] = [];
  let unknown = 0;
  for (const row of applied) {
    const known = byWhen.get(Number(row.created_at));
    if (!known) unknown += 1;
    else if (known.hash !== row.hash) changed.push(known.tag);
  }
  const last = applied.length ? Number(applied[applied.length - 1]!.created_at) : -1;
  return {
    applied: applied.length,
    pending: migrations.filter((m) => m.folderMillis > last).map((m) => m.tag),
    changed,
    unknown,
  };
}

/** Thrown when the database and this version's migrations cannot be reconciled; the message is for operators. */
export class MigrationMismatch extends Error {}

/** Refuses to go on when a released migration was edited after the database applied it. */
export function assertNoEditedMigrations(status: MigrationStatus): void {
  if (status.changed.length)
    throw new MigrationMismatch(
      `These migrations were changed after this database applied them: ${status.changed.join(', ')}. ` +
        'Released migrations are never edited; restore the released files and add a new migration instead.',
    );
}
