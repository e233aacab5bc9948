import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { is, sql } from 'drizzle-orm';
import { drizzle, NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { PgDialect, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from '../../src/db/schema/index.js';

/**
 * db/pipelined.ts builds drizzle's transaction by hand (`new NodePgSession(client, dialect, schema, options)`,
 * `new NodePgTransaction(dialect, session, schema)`) from the root database's private `session`, and db/client.ts
 * sends named statements through `tx.session.client` (decision 0505). Those are drizzle internals: drizzle-orm is
 * pinned to one version, and this test fails when an upgrade changes what the fast path relies on (decision 0013).
 */
const json = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as unknown;
const pkg = json('../../package.json') as { dependencies: Record<string, string> };
const installed = (json('../../node_modules/drizzle-orm/package.json') as { version: string }).version;

type Root = { session: { dialect: unknown; schema: unknown; options: unknown; client: unknown } };

describe('the drizzle internals the fast path uses (decision 0013)', () => {
  it('drizzle-orm is pinned to the exact version installed', () => {
    expect(pkg.dependencies['drizzle-orm']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed).toBe(pkg.dependencies['drizzle-orm']);
  });

  it('the root database keeps its pool, dialect, schema and options on its session', () => {
    const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
    const db = drizzle(pool, { schema });
    const root = (db as unknown as Root).session;
    expect(root.client).toBe(pool);
    expect(is(root.dialect, PgDialect)).toBe(true);
    expect(root.schema).toBeTruthy();
    expect(root.options).toEqual(expect.any(Object));
    void pool.end();
  });

  it('a transaction built as pipelined.ts builds it sends its statements through the client it was given', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
    const root = (drizzle(pool, { schema }) as unknown as Root).session;
    const sent: { text: string; values: unknown }[] = [];
    const client = {
      query: async (config: { text: string }, values?: unknown) => {
        sent.push({ text: config.text, values });
        return { rows: [], fields: [] };
      },
    };
    const session = new NodePgSession(
      client as never,
      root.dialect as never,
      root.schema as never,
      root.options as never,
    );
    const tx = new NodePgTransaction(root.dialect as never, session, root.schema as never);
    expect(is(tx, PgTransaction)).toBe(true);
    expect((tx as unknown as Root).session.client).toBe(client);
    await tx.execute(sql`select ${1} as one`);
    expect(sent).toEqual([{ text: 'select $1 as one', values: [1] }]);
    // Nested transactions are savepoints on the same session (runAsLast in one seals only that savepoint).
    await tx.transaction(async (savepoint) => {
      expect((savepoint as unknown as Root).session).toBe(session);
    });
    expect(sent.map((c) => c.text)).toEqual(['select $1 as one', 'savepoint sp1', 'release savepoint sp1']);
    void pool.end();
  });
});
