import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import { randomSuffix, withAdmin } from './pg-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

/** Creates one migrated template database for this run; every test file clones it. Dropped at the end. */
export default async function setup(project: TestProject) {
  const name = `hhs_tmpl_${randomSuffix()}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
  await database.close();
  project.provide('pgTemplate', name);
  return async () => {
    await withAdmin(async (c) => {
      const clones = await c.query<{ datname: string }>(
        `select datname from pg_database where datname like 'hhs_t_%' and datname like $1`,
        [`%_${name.slice('hhs_tmpl_'.length)}`],
      );
      for (const row of clones.rows) await c.query(`drop database if exists ${row.datname} with (force)`);
      await c.query(`drop database if exists ${name} with (force)`);
    });
  };
}
