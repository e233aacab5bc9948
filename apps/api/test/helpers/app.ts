import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { testConfig, type Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { databaseUrl, randomSuffix, withAdmin } from './pg-admin.js';

export type TestContext = { app: FastifyInstance; database: Database; close(): Promise<void>; url?: string };

/**
 * A fresh database for one test file: in-memory PGlite started from the run's migrated snapshot, or (project "postgres") a new PostgreSQL database cloned
 * from the run's migrated template. close() drops it.
 */
export async function freshDatabase(): Promise<{ database: Database; url?: string; drop(): Promise<void> }> {
  if (process.env.DB_KIND !== 'postgres') {
    const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))]);
    const database = await openDatabase({ dataDir: 'memory://', loadDataDir: snapshot });
    return { database, drop: () => database.close() };
  }
  const template = inject('pgTemplate');
  const name = `hhs_t_${randomSuffix()}_${template.slice('hhs_tmpl_'.length)}`;
  await withAdmin((c) => c.query(`create database ${name} template ${template}`));
  const url = databaseUrl(name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      await withAdmin(async (c) => {
        // pool.end() resolves before its sockets close; forcing out a backend that is still saying goodbye
        // surfaces as an uncaught "terminating connection" error in the test file, so wait for them first.
        for (let i = 0; i < 100; i++) {
          const r = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [
            name,
          ]);
          if (r.rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await c.query(`drop database if exists ${name} with (force)`);
      });
    },
  };
}

export async function makeTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const fresh = await freshDatabase();
  const app = await buildApp({ config: testConfig(overrides), database: fresh.database });
  await app.ready();
  return {
    app,
    database: fresh.database,
    ...(fresh.url ? { url: fresh.url } : {}),
    close: async () => {
      await app.close();
      await fresh.drop();
    },
  };
}
