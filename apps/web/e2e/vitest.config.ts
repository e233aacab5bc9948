import { defineConfig } from 'vitest/config';

// Browser journeys: one built API (serving the built web app) on a fresh embedded database, one Chromium.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.e2e.ts'],
    globalSetup: ['./server.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    sequence: { concurrent: false },
  },
});
