import type pg from 'pg';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import type { Db } from './client.js';
import { assertNotSealed, seal, SealedTransactionError } from './seal.js';

type Session = { dialect: never; schema: never; options: never };
type Corkable = { connection: { stream: { cork(): void; uncork(): void } } };

/** The connection of each top-level pipelined transaction, and the COMMIT already sent with its last write. */
const topLevel = new WeakMap<object, { client: pg.PoolClient; commit?: Promise<unknown> }>();

/**
 * Sends what `issue` hands to the connection (synchronously) in one write: the socket is corked until the current
 * synchronous run is over, so BEGIN and the statements behind it leave in one packet.
 */
export function corked<T>(client: pg.ClientBase, issue: () => T): T {
  const stream = (client as unknown as Corkable).connection.stream;
  stream.cork();
  process.nextTick(() => stream.uncork());
  return issue();
}

/** The transaction's view of its connection: refuses every statement once COMMIT went out with the last write. */
function guarded(client: pg.PoolClient, state: { commit?: Promise<unknown> }): pg.PoolClient {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property !== 'query' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (state.commit) throw new SealedTransactionError();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/**
 * For the last write of a top-level pipelined transaction: `send` issues the statement on the connection (at once,
 * before its promise yields); COMMIT is issued right behind it, in the same packet, and the transaction does not
 * send another. When the statement fails, PostgreSQL turns that COMMIT into a ROLLBACK. Anywhere else (PGlite, a
 * savepoint) it just sends the statement. Either way the transaction is sealed after it.
 */
export function withCommit<T>(
  tx: object,
  send: (client: pg.ClientBase | undefined) => Promise<T>,
): Promise<T> {
  assertNotSealed(tx);
  const state = topLevel.get(tx);
  const result = state
    ? corked(state.client, () => {
        const sent = send(state.client);
        state.commit = state.client.query('commit');
        state.commit.catch(() => undefined); // reported by the statement before it, or awaited by the transaction
        return sent;
      })
    : send(undefined);
  // Sealed once the statement is on its way (decision 0013): our statement helpers refuse the transaction from now
  // on, and a pipelined PostgreSQL transaction's connection does too (see `guarded`), whatever sends the statement.
  seal(tx);
  return result;
}
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
    const state: { client: pg.PoolClient; commit?: Promise<unknown> } = { client };
    const session = new NodePgSession(guarded(client, state), root.dialect, root.schema, root.options);
    const tx = new NodePgTransaction(root.dialect, session, root.schema) as unknown as TxOf;
    topLevel.set(tx, state);
    let broken = false;
    try {
      const begun = corked(client, () => client.query('begin'));
      begun.catch(() => undefined); // reported by the statements behind it, or awaited below
      const result = await fn(tx);
      await begun;
      await (state.commit ?? client.query('commit'));
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
