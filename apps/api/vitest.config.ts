import { defineConfig } from 'vitest/config';

// The API suite runs on embedded PGlite; with TEST_DATABASE_URL it runs a second time on that PostgreSQL,
// each test file in its own database cloned from a migrated template (dropped after). The fault tests
// (test/faults: a throwaway PostgreSQL cluster of their own, killed on purpose) need PostgreSQL's server binaries,
// so they run with the PostgreSQL pass, as a project of their own.
//
// The pglite and postgres projects reuse a worker's module graph across test files (isolate: false, decision 0016):
// every file builds its own app on its own database, so no state is shared that a file relies on, and the ~1.7 s
// of imports per file is paid once per worker. The fault tests keep one fresh process per file.
const projects = [
  {
    extends: true,
    test: {
      name: 'pglite',
      env: { DB_KIND: 'pglite' },
      isolate: false,
      include: ['test/**/*.test.ts'],
      exclude: ['test/faults/**'],
      globalSetup: ['./test/helpers/pglite-global-setup.ts'],
    },
  },
];
if (process.env.TEST_DATABASE_URL)
  projects.push(
    {
      extends: true,
      test: {
        name: 'postgres',
        env: { DB_KIND: 'postgres' },
        isolate: false,
        include: ['test/**/*.test.ts'],
        exclude: ['test/faults/**'],
        globalSetup: ['./test/helpers/pg-global-setup.ts'],
      },
    } as (typeof projects)[number],
    {
      extends: true,
      test: {
        name: 'faults',
        env: { DB_KIND: 'postgres' },
        include: ['test/faults/**/*.test.ts'],
        // After the other projects, one file at a time: the fault timings are not measured against the rest of the suite.
        sequence: { groupOrder: 1 },
        fileParallelism: false,
      },
    } as (typeof projects)[number],
  );

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default for a run is one worker fewer than the cores: one worker on the 2-core CI machine, which
    // left a core idle while a file waited on its database or compiled the app. Two files at a time keep both busy.
    maxWorkers: 2,
    projects,
  },
});
