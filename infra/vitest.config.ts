import { defineConfig } from 'vitest/config';

// The tracing test needs PostgreSQL (pg spans): like the API's PostgreSQL pass it runs when TEST_DATABASE_URL is
// set, as CI sets it. The manifest and alert-rule checks need kubectl and promtool (.ci/run installs them).
const needsPostgres = ['test/tracing.test.ts'];
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: process.env.TEST_DATABASE_URL ? [] : needsPostgres,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
