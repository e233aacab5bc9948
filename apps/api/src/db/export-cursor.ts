import { sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import { queryRows, type Database } from './client.js';

/** Rows fetched per round trip: large enough to amortise it, small enough that memory stays flat (R-EXP-2). */
export const EXPORT_BATCH = 1_000;
/** Exports running at once in this process; each holds a pooled connection on PostgreSQL (R-EXP-4). */
export const EXPORTS_PER_PROCESS = 2;

type Internals = { dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } } };

/** Batches of rows, pulled one at a time; `close` ends the query and gives the connection back. */
export interface RowCursor extends AsyncIterable<Record<string, unknown>[]> {
  close(): Promise<void>;
}

let running = 0;
/** Exports open in this process now (tests and the gauge read it). */
export const exportsRunning = () => running;

export class ExportsBusy extends Error {}

/**
 * R-EXP-2: the rows of `query`, streamed with constant memory. `query` must select a unique text column `export_key`.
 * PostgreSQL: a server-side cursor (DECLARE … FETCH) in one read-only REPEATABLE READ transaction on a connection
 * of its own, so the export is one consistent snapshot and a batch is fetched only when the previous one was sent.
 * PGlite (one embedded connection shared by every request): keyset batches on `export_key`, so an export never
 * holds the connection between batches (decision 0905).
 */
export async function openRowCursor(
  database: Database,
  query: SQL,
  batch = EXPORT_BATCH,
): Promise<RowCursor> {
  if (running >= EXPORTS_PER_PROCESS) throw new ExportsBusy();
  running += 1;
  let closed = false;
  const release = async (end: () => Promise<void>) => {
    if (closed) return;
    closed = true;
    // Counted as running until its connection is back (the ROLLBACK may queue behind a fetch still under way).
    try {
      await end();
    } finally {
      running -= 1;
    }
  };
  try {
    if (database.kind === 'postgres' && database.pool)
      return await serverCursor(database, database.pool, query, batch, release);
  } catch (error) {
    await release(async () => undefined);
    throw error;
  }
  return keysetCursor(database, query, batch, release);
}

type Release = (end: () => Promise<void>) => Promise<void>;

async function serverCursor(
  database: Database,
  pool: pg.Pool,
  query: SQL,
  batch: number,
  release: Release,
): Promise<RowCursor> {
  const { sql: text, params } = (database.db as unknown as Internals).dialect.sqlToQuery(
    sql`select * from (${query}) e order by export_key collate "C"`,
  );
  const client = await pool.connect();
  let broken: Error | undefined;
  const end = () =>
    release(async () => {
      if (!broken) await client.query('rollback').catch((e: Error) => (broken = e));
      client.release(broken);
    });
  try {
    await client.query('begin isolation level repeatable read, read only');
    await client.query(`declare export_cursor no scroll cursor for ${text}`, params);
  } catch (error) {
    broken = error as Error;
    await end();
    throw error;
  }
  return {
    close: end,
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          const { rows } = await client.query<Record<string, unknown>>(
            `fetch forward ${batch} from export_cursor`,
          );
          if (rows.length > 0) yield rows;
          if (rows.length < batch) return;
        }
      } catch (error) {
        broken = error as Error;
        throw error;
      } finally {
        await end();
      }
    },
  };
}

function keysetCursor(database: Database, query: SQL, batch: number, release: Release): RowCursor {
  const end = () => release(async () => undefined);
  return {
    close: end,
    async *[Symbol.asyncIterator]() {
      try {
        let after: string | null = null;
        for (;;) {
          const rows: Record<string, unknown>[] = await queryRows<Record<string, unknown>>(
            database.db,
            sql`select * from (${query}) e
                where ${after === null ? sql`true` : sql`export_key > ${after} collate "C"`}
                order by export_key collate "C" limit ${batch}`,
          );
          if (rows.length > 0) yield rows;
          if (rows.length < batch) return;
          after = String(rows[rows.length - 1]!.export_key);
        }
      } finally {
        await end();
      }
    },
  };
}
