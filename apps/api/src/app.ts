import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { randomUUID } from 'node:crypto';
import { loadConfig, type Config } from './config.js';
import { developmentLogger, OneLinePerRequest } from './lib/dev-logging.js';
import { openDatabase, type Database } from './db/client.js';
import dbPlugin from './plugins/external/db.js';
import errorsPlugin from './plugins/external/errors.js';
import securityPlugin from './plugins/external/security.js';
import swaggerPlugin from './plugins/external/swagger.js';
import authPlugin from './plugins/external/auth.js';
import webPlugin from './plugins/external/web.js';
import jobsPlugin from './plugins/app/jobs.js';
import workersPlugin from './plugins/app/workers.js';
import { registerSchemas } from './schemas/index.js';
import systemRoutes from './routes/system.js';
import apiV1 from './routes/api/v1/index.js';
import { ensureReferenceData } from './seed/reference.js';
import { ensureContent } from './seed/content.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

export interface BuildOptions {
  config?: Config;
  /** An already-open database (tests, several apps on one database); otherwise opened from the config. */
  database?: Database;
  /** Where development logs go (default: standard output); tests read them here. */
  logDestination?: NodeJS.WritableStream;
}

/** Builds the app without listening (server.ts listens; tests inject). */
export async function buildApp(options: BuildOptions = {}): Promise<FastifyInstance> {
  const config = options.config ?? loadConfig();
  const database =
    options.database ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE }));
  const development = config.NODE_ENV === 'development' && config.LOG_LEVEL !== 'silent';
  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'body.password'],
            ...(development ? await developmentLogger(options.logDestination) : {}),
          },
    ...(development ? { logController: new OneLinePerRequest() } : {}),
    genReqId: (req) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID(),
    trustProxy: config.NODE_ENV === 'production',
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  await app.register(dbPlugin, { database, ownsDatabase: !options.database });
  await app.register(errorsPlugin);
  await app.register(securityPlugin);
  registerSchemas(app);
  await app.register(swaggerPlugin);
  await app.register(authPlugin, { config });
  await app.register(workersPlugin);
  await app.register(systemRoutes);
  await app.register(apiV1, { prefix: '/api/v1' });
  await app.register(webPlugin, { config });
  await app.register(jobsPlugin);
  await ensureReferenceData(database.db);
  await ensureContent(database.db);
  return app;
}
