import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import lockfile from 'proper-lockfile';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { is, Placeholder, type SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.js';
import { pipelineTransactions } from './pipelined.js';
import { assertNotSealed } from './seal.js';
import { isDatabaseUnavailable } from './unavailable.js';
import {
  assertNoEditedMigrations,
  MigrationMismatch,
  migrationsFolder,
  migrationStatus,
} from './migrations.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The pg pool (PostgreSQL only): LISTEN and pool metrics need the pool itself. */
  pool?: pg.Pool;
  pglite?: PGlite;
  close(): Promise<void>;
}

const MIGRATION_LOCK = 727_001;

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  poolSize?: number;
  /** Apply pending migrations (default); otherwise refuse to open a database that is behind this version. */
  migrate?: boolean;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
  /** PGlite: start from this dump of a data folder (`dumpDataDir`) instead of an empty one (the tests' snapshot). */
  loadDataDir?: Blob;
  /** Where the pool reports a connection that failed while idle (the process must never exit for it). */
  onConnectionError?: (error: Error) => void;
  /** How long start-up waits for PostgreSQL to accept connections before giving up (default: no wait). */
  startupWaitMs?: number;
  /** Told of each failed attempt while start-up waits (one log line each): never the URL, which holds the password. */
  onStartupWait?: (wait: StartupWait) => void;
}

export interface StartupWait {
  attempt: number;
  /** Why the attempt failed, as the driver says it (e.g. `connect ECONNREFUSED 10.0.10.5:5432`). */
  reason: string;
  retryInMs: number;
  /** How much of DATABASE_STARTUP_WAIT_MS is left. */
  leftMs: number;
}

/** One line per failed attempt while start-up waits for PostgreSQL (before the app's logger exists). */
export function logStartupWait({ attempt, reason, retryInMs, leftMs }: StartupWait) {
  console.error(
    `Waiting for PostgreSQL (attempt ${attempt}: ${reason}); trying again in ${(retryInMs / 1000).toFixed(1)} s, ` +
      `giving up in ${Math.ceil(leftMs / 1000)} s (DATABASE_STARTUP_WAIT_MS).`,
  );
}

/** A start-up failure with a message an operator can act on; server.ts prints it without a stack trace. */
export class StartupError extends Error {}

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite, and applies (or checks) the migrations. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPglite(options.dataDir ?? 'memory://', options.migrate ?? true, options.loadDataDir);
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const onError = options.onConnectionError ?? (() => undefined);
  const statementTimeout = options.statementTimeoutMs ?? 30_000;
  // Pipeline mode: a client sends each query as soon as it is issued instead of after the previous answer, so a
  // transaction's independent statements share a round trip (decision 0505). Queries awaited one by one behave
  // as before. The timeouts keep a request from hanging on a database that went away (decision 0005):
  // connecting, each statement (server side, and client side a little later in case the server cannot say so),
  // and a transaction left idle by a stuck caller.
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    pipeline: true,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    statement_timeout: statementTimeout,
    query_timeout: statementTimeout + 2_000,
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 60_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  } as pg.PoolConfig);
  // An idle client whose server went away emits 'error' on the pool; a checked-out one on itself. Without a
  // listener either would end the process (decision 0005). pg-pool drops a client that is no longer queryable.
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  try {
    await migratePostgres(pool, options.migrate ?? true, options);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  pipelineTransactions(db, pool);
  return { db, kind: 'postgres', pool, close: () => pool.end() };
}

/**
 * The first connection, waiting while PostgreSQL is unreachable or starting up (a pod scheduled during an outage or
 * before the database is up) with backoff from 0.5 s to 5 s, for at most `startupWaitMs`. A refusal that waiting
 * cannot fix (a wrong password, no such database) fails at once.
 */
async function firstConnection(pool: pg.Pool, options: OpenOptions): Promise<pg.PoolClient> {
  const started = Date.now();
  const deadline = started + (options.startupWaitMs ?? 0);
  for (let attempt = 1; ; attempt++) {
    try {
      return await pool.connect();
    } catch (error) {
      const reason = (error as Error).message || String(error);
      const leftMs = deadline - Date.now();
      if (!isDatabaseUnavailable(error) || leftMs <= 0) {
        const waited =
          attempt > 1
            ? ` (waited ${Math.round((Date.now() - started) / 1000)} s over ${attempt} attempts, DATABASE_STARTUP_WAIT_MS)`
            : '';
        throw new StartupError(`Cannot connect to PostgreSQL at DATABASE_URL: ${reason}${waited}`);
      }
      const retryInMs = Math.min(leftMs, 500 * 2 ** Math.min(attempt - 1, 4), 5_000);
      options.onStartupWait?.({ attempt, reason, retryInMs, leftMs });
      await new Promise((resolve) => setTimeout(resolve, retryInMs));
    }
  }
}

async function migratePostgres(pool: pg.Pool, apply: boolean, options: OpenOptions) {
  const client = await firstConnection(pool, options);
  try {
    const db = drizzlePg(client, { schema });
    if (!apply) return await requireCurrentSchema(db);
    // Two replicas (or the migration Job and a replica) starting at once must not both migrate: one waits on the
    // advisory lock, then finds nothing to do. A long migration must not hit the statement timeout.
    await client.query('set statement_timeout = 0');
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      assertNoEditedMigrations(await migrationStatus(db as never));
      await migratePg(db, { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    }
  } finally {
    await client.query('reset statement_timeout').catch(() => undefined);
    client.release();
  }
}

/** MIGRATE_ON_START=false: the release's migration step must already have brought the schema to this version. */
async function requireCurrentSchema(db: Parameters<typeof migrationStatus>[0]) {
  const status = await migrationStatus(db);
  assertNoEditedMigrations(status);
  if (status.pending.length)
    throw new StartupError(
      `The database schema is behind this version (${status.pending.length} migration(s) to apply: ` +
        `${status.pending.join(', ')}) and MIGRATE_ON_START is false. Run the migrate step of the release ` +
        '(`node dist/migrate.js`), then start the API again.',
    );
}

async function openPglite(dataDir: string, apply: boolean, loadDataDir?: Blob): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  let release: () => Promise<void> = async () => undefined;
  let client: PGlite | undefined;
  try {
    if (!inMemory) {
      mkdirSync(dataDir, { recursive: true });
      release = await lockDataDir(dataDir);
    }
    client = await PGlite.create({
      dataDir,
      extensions: { pg_trgm },
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    const pdb = drizzlePglite(client, { schema });
    if (apply) {
      assertNoEditedMigrations(await migrationStatus(pdb as never));
      await migratePglite(pdb, { migrationsFolder });
    } else await requireCurrentSchema(pdb as never);
  } catch (error) {
    await client?.close().catch(() => undefined);
    await release().catch(() => undefined);
    if (error instanceof StartupError || error instanceof MigrationMismatch) throw error;
    throw new StartupError(
      `The embedded database in DATA_DIR (${dataDir}) could not be opened: ${(error as Error).message || String(error)}. ` +
        'The folder may be damaged or was made by an incompatible version. Move it aside (keep it as a backup) ' +
        'and start again to create a new one, or restore it from a backup.',
    );
  }
  const pglite = client;
  return {
    db: drizzlePglite(pglite, { schema }) as unknown as Db,
    kind: 'pglite',
    pglite,
    close: async () => {
      await pglite.close();
      await release();
    },
  };
}

/** One process per embedded data folder: PGlite has no lock of its own, and two writers would corrupt it. */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: `${dataDir}/.hhs-mentoring.lock`,
      stale: 15_000,
      update: 5_000,
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED')
      throw new StartupError(
        `The embedded database in DATA_DIR (${dataDir}) is in use by another process. Stop the other API process ` +
          'using this folder, or set DATA_DIR to another folder.',
      );
    throw error;
  }
}

/** Rows of a raw SQL query, the same on both drivers. */
export async function queryRows<T>(db: Tx, query: SQL): Promise<T[]> {
  assertNotSealed(db);
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Readiness: the database answers within the time given and the schema is at this version. */
export async function isReady(db: Db, timeoutMs = 1_500): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const check = migrationStatus(db as never).then((s) => s.applied > 0 && s.pending.length === 0);
  check.catch(() => undefined);
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

type Internals = {
  /** The pg Pool, a transaction's pg client, or PGlite (the database or its transaction). */
  session: { client: unknown };
};
type Queryable = { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * Sends a statement under a name: on PostgreSQL a named prepared statement, parsed and planned once per pooled
 * connection; on PGlite (one connection, no plan cache) an ordinary query. The statement is handed to the connection
 * before this returns, so statements issued one after another (Promise.all) reach PostgreSQL in that order — what
 * a lock followed by the reads it guards, or a write followed by its COMMIT, relies on (decision 0505).
 */
function sendNamed<T>(connection: unknown, name: string, text: string, params: unknown[]): Promise<T[]> {
  if (connection instanceof pg.Client || connection instanceof pg.Pool)
    return (connection as pg.ClientBase)
      .query<T & pg.QueryResultRow>({ name, text, values: params })
      .then((r) => r.rows);
  return (connection as Queryable).query(text, params).then((r) => r.rows as T[]);
}

/** A statement with a name PostgreSQL prepares it under: define it once, at module level, with `preparedSql`. */
export interface PreparedSql {
  readonly name: string;
  readonly sql: string;
  readonly params: readonly unknown[];
}

const preparedNames = new Map<string, string>();
const dialect = new PgDialect();

/**
 * Names a statement for `preparedRows` (decision 0013). PostgreSQL keeps one statement per name and connection, so a
 * name reused with other SQL would silently run the first: that throws here, when the module defining it loads.
 * `build` uses `sql.placeholder(...)` for every value.
 */
export function preparedSql(name: string, build: () => SQL): PreparedSql {
  const query = dialect.sqlToQuery(build());
  const known = preparedNames.get(name);
  if (known !== undefined && known !== query.sql)
    throw new Error(
      `The prepared statement name "${name}" is already used by other SQL; choose another name.`,
    );
  preparedNames.set(name, query.sql);
  return { name, sql: query.sql, params: query.params };
}

/**
 * Rows of a statement defined with `preparedSql`, sent as a named prepared statement (decision 0505), where drizzle
 * would send an unnamed one that PostgreSQL plans on every call (half a millisecond for the journey's multi-part
 * reads). `values` fill its placeholders.
 */
export function preparedRows<T>(
  db: Tx,
  statement: PreparedSql,
  values: Record<string, unknown>,
): Promise<T[]> {
  assertNotSealed(db);
  const params = statement.params.map((p) => (is(p, Placeholder) ? values[p.name] : p));
  return sendNamed<T>((db as unknown as Internals).session.client, statement.name, statement.sql, params);
}

/**
 * For the rest of this transaction PostgreSQL runs the generic plan of each prepared statement instead of planning
 * it again for every call's values (decision 0505). For the journey's pair reads — key lookups whose best plan does
 * not depend on the values — PostgreSQL kept choosing custom plans, and planning was 40 % of their cost. Handed to
 * the connection at once, so it travels with BEGIN and costs no round trip; a failure aborts the transaction and
 * surfaces with the next statement. On PGlite it does nothing.
 */
export function useGenericPlans(db: Tx): void {
  const client = (db as unknown as Internals).session.client;
  if (client instanceof pg.Client)
    client.query('set local plan_cache_mode = force_generic_plan').catch(() => undefined);
}

/**
 * Rows of a SQL text with $n parameters, sent as a prepared statement named after its text, for statements whose
 * shape repeats but is written per call (the journey's write batches): PostgreSQL plans each shape once per
 * connection. `client` (a transaction's connection) overrides the one of `db`.
 */
export function rowsPreparedText<T>(
  db: Tx,
  text: string,
  params: unknown[],
  client?: pg.ClientBase,
): Promise<T[]> {
  if (!client) assertNotSealed(db);
  const name = `s_${createHash('sha1').update(text).digest('base64url')}`;
  return sendNamed<T>(client ?? (db as unknown as Internals).session.client, name, text, params);
}
