import { defineConfig } from 'vitest/config';

// The API suite runs on embedded PGlite; with TEST_DATABASE_URL it runs a second time on that PostgreSQL,
// each test file in its own database cloned from a migrated template (dropped after).
const projects = [{ extends: true, test: { name: 'pglite', env: { DB_KIND: 'pglite' } } }];
if (process.env.TEST_DATABASE_URL)
  projects.push({
    extends: true,
    test: { name: 'postgres', env: { DB_KIND: 'postgres' }, globalSetup: ['./test/helpers/pg-global-setup.ts'] },
  } as (typeof projects)[number]);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects,
  },
});
