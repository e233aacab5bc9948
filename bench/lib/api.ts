import { randomBytes } from 'node:crypto';
import { buildApp } from '../../apps/api/src/app.js';

type FastifyInstance = Awaited<ReturnType<typeof buildApp>>;
import { loadConfig } from '../../apps/api/src/config.js';
import { users } from '../../apps/api/src/db/schema/index.js';

/** The real API on PostgreSQL, listening on a random loopback port, without jobs or demo seed. */
export async function startApi(databaseUrl: string): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildApp({
    config: loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      SEED: 'none',
      JOBS: 'off',
      JWT_SECRET: randomBytes(48).toString('base64'),
      HOST: '127.0.0.1',
      PORT: '0',
      // Benchmarks measure capacity with few tokens; the per-person limits would answer 429 (decision 0805).
      PER_USER_LIMITS: 'off',
      // Nor the per-client budget of system clients (R-API-8): the HR load sends 30 large batches a minute.
      SYSTEM_CLIENT_RATE_LIMIT: '0',
      ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
    }),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, base: `http://127.0.0.1:${port}` };
}

/** A session token for an employee (an account is created for them). */
export async function tokenFor(app: FastifyInstance, employeeId: string, email: string): Promise<string> {
  const [user] = await app.db
    .insert(users)
    .values({ employeeId, email, emailVerifiedAt: new Date() })
    .returning();
  return app.signUserToken(user!.id);
}
