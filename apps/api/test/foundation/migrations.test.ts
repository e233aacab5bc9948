import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { openDatabase, StartupError, type Database } from '../../src/db/client.js';
import { MigrationMismatch, migrationsFolder, migrationStatus } from '../../src/db/migrations.js';
import { databaseUrl, randomSuffix, withAdmin } from '../helpers/pg-admin.js';

/** The migrations of the first release: frozen, never edited (decision 0003). */
const RELEASE_1 = [
  '0000_extensions',
  '0001_schema',
  '0002_audit-append-only',
  '0003_coordination-indexes',
  '0004_mentor-data-version',
  '0005_relationship-clock-indexes',
  '0006_program-people',
];
const onPostgres = process.env.DB_KIND === 'postgres';
const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hhs-migrations-'));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const journal = () =>
  JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { idx: number; when: number; tag: string }[];
  };

/** A copy of the migrations folder holding only the first release's migrations. */
function release1Folder(): string {
  const dir = tempDir();
  cpSync(migrationsFolder, dir, { recursive: true });
  const j = journal();
  j.entries = j.entries.filter((e) => RELEASE_1.includes(e.tag));
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(j));
  return dir;
}

/** The rows a release-1 database held (scripts/make-release-fixture.ts), as SQL both databases run. */
const fixtureSql = () =>
  gunzipSync(readFileSync(new URL('../fixtures/release-1-data.sql.gz', import.meta.url)))
    .toString('utf8')
    .split('\n')
    .filter((line) => !line.startsWith('\\')) // psql meta-commands (\restrict)
    .join('\n');

type Query = (text: string) => Promise<{ rows: Record<string, unknown>[] }>;

/** Per table of the release: its row count and a digest of its release-1 columns, row by row. */
async function fingerprint(query: Query, columns?: Map<string, string[]>) {
  const cols =
    columns ??
    new Map<string, string[]>(
      (
        await query(`select table_name, array_agg(column_name::text order by ordinal_position) as cols
          from information_schema.columns where table_schema = 'public' group by table_name`)
      ).rows.map((r) => [r.table_name as string, r.cols as string[]]),
    );
  const out: Record<string, string> = {};
  for (const [table, names] of [...cols].sort(([a], [b]) => a.localeCompare(b))) {
    const list = names.map((n) => `"${n}"`).join(', ');
    const r = await query(
      `select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest
         from (select ${list} from public."${table}") t`,
    );
    out[table] = `${r.rows[0]!.n}:${r.rows[0]!.digest}`;
  }
  return { cols, out };
}

describe('forward-only migrations (decision 0003)', () => {
  it('every migration file is listed in SHA256SUMS and no released file has changed', () => {
    const sums = new Map(
      readFileSync(join(migrationsFolder, 'SHA256SUMS'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(/\s+/) as [string, string])
        .map(([hash, file]) => [file, hash]),
    );
    const files = readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql'));
    expect([...sums.keys()].sort(), 'add a new migration with `sha256sum NEW.sql >> SHA256SUMS`').toEqual(
      files.sort(),
    );
    for (const [file, hash] of sums) {
      const actual = createHash('sha256')
        .update(readFileSync(join(migrationsFolder, file)))
        .digest('hex');
      expect(actual, `${file} was edited after release: add a new migration instead`).toBe(hash);
    }
    // The first release is frozen by name too: its files can be neither dropped nor renamed.
    for (const tag of RELEASE_1) expect(sums.has(`${tag}.sql`), tag).toBe(true);
  });

  it('the journal lists every file once, in order, each later than the one before (drizzle skips earlier ones)', () => {
    const entries = journal().entries;
    expect(entries.map((e) => `${e.tag}.sql`).sort()).toEqual(
      readdirSync(migrationsFolder)
        .filter((f) => f.endsWith('.sql'))
        .sort(),
    );
    entries.forEach((e, i) => {
      expect(e.idx).toBe(i);
      if (i > 0)
        expect(e.when, `${e.tag} must be dated after ${entries[i - 1]!.tag}`).toBeGreaterThan(
          entries[i - 1]!.when,
        );
    });
  });

  it('the drizzle schema and the migrations agree: drizzle-kit generate has nothing to add', () => {
    // drizzle-kit 0.31 resolves `out` against its working directory even when it is absolute (an absolute path
    // becomes `.//tmp/…`), prints the ENOENT and still exits 0. So the copy is generated from inside the temporary
    // folder with a relative `out`, and the test reads what the command said, not only the files it left.
    const dir = tempDir();
    cpSync(migrationsFolder, join(dir, 'drizzle'), { recursive: true });
    writeFileSync(
      join(dir, 'drizzle.config.mjs'),
      `export default ${JSON.stringify({ dialect: 'postgresql', schema: join(process.cwd(), 'src/db/schema/index.ts'), out: './drizzle' })};`,
    );
    const run = spawnSync(
      join(process.cwd(), 'node_modules/.bin/drizzle-kit'),
      ['generate', '--config', 'drizzle.config.mjs'],
      { cwd: dir, encoding: 'utf8' },
    );
    const said = `${run.stdout}\n${run.stderr}`;
    expect(run.status, said).toBe(0);
    expect(said).not.toMatch(/error|ENOENT/i);
    // It read the schema (the table summary) and compared it with the journal's last snapshot.
    expect(said).toMatch(/\d+ tables/);
    expect(said, 'drizzle-kit would add a migration: the schema changed without one').toContain(
      'No schema changes, nothing to migrate',
    );
    expect(readdirSync(join(dir, 'drizzle')).filter((f) => f.endsWith('.sql')).length).toBe(
      journal().entries.length,
    );
  }, 120_000);
});

// Each project runs the upgrade on its own kind of database; the PGlite-only checks run once, in the PGlite pass.
if (!onPostgres)
  describe('upgrading an embedded database in place (PGlite)', () => {
    // Each kind of starting folder is made once (initdb and the migrations in WebAssembly take seconds) and every
    // test gets a copy of its own.
    const once = (make: (dir: string) => Promise<void>) => {
      let made: Promise<string> | undefined;
      return async () => {
        made ??= (async () => {
          const dir = join(tempDir(), 'pglite');
          await make(dir);
          return dir;
        })();
        const copy = join(tempDir(), 'pglite');
        cpSync(await made, copy, { recursive: true });
        return copy;
      };
    };
    /** A release-1 folder holding the release's rows. */
    const release1DataDir = once(async (dir) => {
      const client = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
      await migratePglite(drizzlePglite(client), { migrationsFolder: release1Folder() });
      await client.exec(fixtureSql());
      await client.close();
    });
    /** A folder made by this version (every migration applied at start-up). */
    const headDataDir = once(async (dir) => (await openDatabase({ dataDir: dir })).close());

    it('a release-1 database (demo seed, invitations and relationships in every state) migrates to head with every row intact', async () => {
      const dir = await release1DataDir();
      const before = await (async () => {
        const client = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
        try {
          return await fingerprint((t) => client.query(t));
        } finally {
          await client.close();
        }
      })();
      expect(before.out.relationships).toMatch(/^5:/);
      const database = await openDatabase({ dataDir: dir });
      try {
        const status = await migrationStatus(database.db as never);
        expect(status.pending).toEqual([]);
        expect(status.applied).toBe(journal().entries.length);
        const after = await fingerprint((t) => database.pglite!.query(t), before.cols);
        expect(after.out).toEqual(before.out);
      } finally {
        await database.close();
      }
    }, 180_000);

    it('MIGRATE_ON_START=false refuses a database behind this version and names the migrate step', async () => {
      const dir = await release1DataDir();
      await expect(openDatabase({ dataDir: dir, migrate: false })).rejects.toThrow(
        /MIGRATE_ON_START is false.*migrate/s,
      );
      (await openDatabase({ dataDir: dir })).close();
      const current = await openDatabase({ dataDir: dir, migrate: false });
      await current.close();
    }, 180_000);

    it('refuses to start when a migration the database applied was edited since', async () => {
      const dir = await headDataDir();
      const first = await openDatabase({ dataDir: dir });
      await first.pglite!.query(`update drizzle.__drizzle_migrations set hash = 'edited' where id = 2`);
      await first.close();
      const error = await openDatabase({ dataDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationMismatch);
      expect((error as Error).message).toMatch(/0001_schema.*never edited/s);
    }, 180_000);

    it('a DATA_DIR in use by another process gives a start-up message naming DATA_DIR', async () => {
      const dir = await headDataDir();
      const first = await openDatabase({ dataDir: dir });
      try {
        const error = await openDatabase({ dataDir: dir }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StartupError);
        expect((error as Error).message).toMatch(/DATA_DIR \(.*\) is in use by another process/);
      } finally {
        await first.close();
      }
      (await openDatabase({ dataDir: dir })).close(); // the lock went with the first process
    }, 180_000);

    it('a damaged DATA_DIR gives a start-up message naming DATA_DIR, not a stack trace', async () => {
      const dir = await headDataDir();
      writeFileSync(join(dir, 'PG_VERSION'), 'not a version\n');
      const error = await openDatabase({ dataDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toMatch(/DATA_DIR \(.*\) could not be opened/);
    }, 180_000);
  });

if (onPostgres)
  describe('upgrading a PostgreSQL database in place', () => {
    it('a release-1 database (demo seed, invitations and relationships in every state) migrates to head with every row intact', async () => {
      const name = `hhs_upgrade_${randomSuffix()}`;
      await withAdmin((c) => c.query(`create database ${name}`));
      let database: Database | undefined;
      const client = new pg.Client({ connectionString: databaseUrl(name) });
      try {
        await client.connect();
        await migratePg(drizzlePg(client), { migrationsFolder: release1Folder() });
        await client.query(fixtureSql());
        const before = await fingerprint((t) => client.query(t));
        expect(before.out.relationships).toMatch(/^5:/);
        await expect(openDatabase({ databaseUrl: databaseUrl(name), migrate: false })).rejects.toThrow(
          /MIGRATE_ON_START/,
        );
        database = await openDatabase({ databaseUrl: databaseUrl(name), poolSize: 2 });
        const status = await migrationStatus(database.db as never);
        expect(status.pending).toEqual([]);
        const after = await fingerprint((t) => client.query(t), before.cols);
        expect(after.out).toEqual(before.out);
      } finally {
        await client.end();
        await database?.close();
        await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
      }
    }, 180_000);
  });
