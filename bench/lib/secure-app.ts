import { randomBytes } from 'node:crypto';
import { buildApp } from '../../apps/api/src/app.js';
import { loadConfig } from '../../apps/api/src/config.js';

// One secret per benchmark process, so apps built side by side accept each other's tokens.
const SECRET = randomBytes(48).toString('base64');

/** The API as production runs it (limits, CSRF, docs off), on a benchmark database, for app.inject. */
export async function productionApp(
  databaseUrl: string,
  perUserLimits: 'on' | 'off' = 'on',
): Promise<Awaited<ReturnType<typeof buildApp>>> {
  const app = await buildApp({
    config: loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'silent',
      SEED: 'none',
      JOBS: 'off',
      JWT_SECRET: SECRET,
      PER_USER_LIMITS: perUserLimits,
      ...(perUserLimits === 'off' ? { SYSTEM_CLIENT_RATE_LIMIT: '0' } : {}),
    }),
  });
  await app.ready();
  return app;
}
