import { randomBytes } from 'node:crypto';
import { buildApp } from '../../apps/api/src/app.js';
import { loadConfig } from '../../apps/api/src/config.js';

/** The API as production runs it (limits, CSRF, docs off), on a benchmark database, for app.inject. */
export async function productionApp(databaseUrl: string): Promise<Awaited<ReturnType<typeof buildApp>>> {
  const app = await buildApp({
    config: loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'silent',
      SEED: 'none',
      JOBS: 'off',
      JWT_SECRET: randomBytes(48).toString('base64'),
    }),
  });
  await app.ready();
  return app;
}
