import type pg from 'pg';
import { sql } from 'drizzle-orm';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import type { Db } from './client.js';

type Session = { dialect: never; schema: never; options: never };
type TxOf = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Makes `db.transaction` on PostgreSQL send BEGIN without waiting for its answer (decision 0505): with the pool in
 * pipeline mode it goes out together with the transaction's first statements, one round trip fewer per
 * transaction. BEGIN is handed to the connection before the callback runs, so it is first on the wire whatever
 * the callback sends; it only fails with the connection, which fails the statements behind it too. Nested
 * transactions are drizzle's savepoints, as before; a transaction with options is drizzle's own.
 */
export function pipelineTransactions(db: Db, pool: pg.Pool): void {
  const root = (db as unknown as { session: Session }).session;
  const original = db.transaction.bind(db);
  db.transaction = (async <T>(fn: (tx: TxOf) => Promise<T>, config?: unknown) => {
    if (config) return original(fn, config as never);
    const client = await pool.connect();
    const session = new NodePgSession(client, root.dialect, root.schema, root.options);
    const tx = new NodePgTransaction(root.dialect, session, root.schema) as unknown as TxOf;
    const begun = client.query('begin');
    begun.catch(() => undefined); // reported by the statements behind it, or awaited below
    let broken = false;
    try {
      const result = await fn(tx);
      await begun;
      await client.query('commit');
      return result;
    } catch (error) {
      try {
        await client.query('rollback');
      } catch {
        broken = true; // the connection is gone: the pool must not hand it out again
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }) as Db['transaction'];
}
