import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { is, Placeholder, sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.js';
import { pipelineTransactions } from './pipelined.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The pg pool (PostgreSQL only): pg-boss and LISTEN need a real connection string. */
  pool?: pg.Pool;
  pglite?: PGlite;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
const MIGRATION_LOCK = 727_001;

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  poolSize?: number;
}

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite, and applies the migrations. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? 'memory://');
}

async function openPostgres(url: string, max: number): Promise<Database> {
  // Pipeline mode: a client sends each query as soon as it is issued instead of after the previous answer, so a
  // transaction's independent statements share a round trip (decision 0505). Queries awaited one by one behave
  // as before.
  const pool = new pg.Pool({ connectionString: url, max, pipeline: true } as pg.PoolConfig);
  // Two replicas starting at once must not both migrate: one waits on the advisory lock.
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  pipelineTransactions(db, pool);
  return { db, kind: 'postgres', pool, close: () => pool.end() };
}

async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  const pdb = drizzlePglite(client, { schema });
  await migratePglite(pdb, { migrationsFolder });
  return { db: pdb as unknown as Db, kind: 'pglite', pglite: client, close: () => client.close() };
}

/** Rows of a raw SQL query, the same on both drivers. */
export async function queryRows<T>(db: Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function isReady(db: Db): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return (rows[0]?.n ?? 0) > 0;
}

type Internals = {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  /** The pg Pool, a transaction's pg client, or PGlite (the database or its transaction). */
  session: { client: unknown };
};
type Queryable = { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> };
const texts = new Map<string, { sql: string; params: unknown[] }>();

/**
 * Sends a statement under a name: on PostgreSQL a named prepared statement, parsed and planned once per pooled
 * connection; on PGlite (one connection, no plan cache) an ordinary query. The statement is handed to the connection
 * before this returns, so statements issued one after another (Promise.all) reach PostgreSQL in that order — what
 * a lock followed by the reads it guards, or a write followed by its COMMIT, relies on (decision 0505).
 */
function sendNamed<T>(connection: unknown, name: string, text: string, params: unknown[]): Promise<T[]> {
  if (connection instanceof pg.Client || connection instanceof pg.Pool)
    return (connection as pg.ClientBase).query<T & pg.QueryResultRow>({ name, text, values: params }).then((r) => r.rows);
  return (connection as Queryable).query(text, params).then((r) => r.rows as T[]);
}

/**
 * Rows of a raw SQL query sent as a named prepared statement (decision 0505), where drizzle would send an unnamed
 * one that PostgreSQL plans on every call (half a millisecond for the journey's multi-part reads). `build` is called
 * once per name, with `sql.placeholder(...)` for every value; `values` fill them.
 */
export function preparedRows<T>(db: Tx, name: string, build: () => SQL, values: Record<string, unknown>): Promise<T[]> {
  const internals = db as unknown as Internals;
  let query = texts.get(name);
  if (!query) texts.set(name, (query = internals.dialect.sqlToQuery(build())));
  const params = query.params.map((p) => (is(p, Placeholder) ? values[p.name] : p));
  return sendNamed<T>(internals.session.client, name, query.sql, params);
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
  if (client instanceof pg.Client) client.query('set local plan_cache_mode = force_generic_plan').catch(() => undefined);
}

/**
 * Rows of a SQL text with $n parameters, sent as a prepared statement named after its text, for statements whose
 * shape repeats but is written per call (the journey's write batches): PostgreSQL plans each shape once per
 * connection. `client` (a transaction's connection) overrides the one of `db`.
 */
export function rowsPreparedText<T>(db: Tx, text: string, params: unknown[], client?: pg.ClientBase): Promise<T[]> {
  const name = `s_${createHash('sha1').update(text).digest('base64url')}`;
  return sendNamed<T>(client ?? (db as unknown as Internals).session.client, name, text, params);
}
