import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { loadConfig, trustProxy, type Config } from './config.js';
import { developmentLogger, OneLinePerRequest } from './lib/dev-logging.js';
import { logStartupWait, openDatabase, type Database } from './db/client.js';
import dbPlugin from './plugins/external/db.js';
import errorsPlugin, { frameworkErrors } from './plugins/external/errors.js';
import inputPlugin from './plugins/external/input.js';
import securityPlugin from './plugins/external/security.js';
import fairnessPlugin from './plugins/external/fairness.js';
import deprecationPlugin from './plugins/external/deprecation.js';
import swaggerPlugin from './plugins/external/swagger.js';
import authPlugin from './plugins/external/auth.js';
import csrfPlugin from './plugins/external/csrf.js';
import clientLimitsPlugin from './plugins/external/client-limits.js';
import webPlugin from './plugins/external/web.js';
import metricsPlugin from './plugins/external/metrics.js';
import { requestIdOf, serializeRequest } from './observability/request-id.js';
import { serializeError } from './observability/log-errors.js';
import jobsPlugin from './plugins/app/jobs.js';
import workersPlugin from './plugins/app/workers.js';
import afterResponsePlugin from './plugins/app/after-response.js';
import { registerSchemas } from './schemas/index.js';
import { sharedSerializers } from './lib/serializers.js';
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
  // The pool reports connections lost while idle here; the logger exists only once the app does.
  let onConnectionError = (error: Error) => console.error(`database connection lost: ${error.message}`);
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      poolSize: config.DATABASE_POOL_SIZE,
      migrate: config.MIGRATE_ON_START,
      connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: config.DATABASE_IDLE_TX_TIMEOUT_MS,
      onConnectionError: (error) => onConnectionError(error),
      startupWaitMs: config.DATABASE_STARTUP_WAIT_MS,
      onStartupWait: logStartupWait,
    }));
  const development = config.NODE_ENV === 'development' && config.LOG_LEVEL !== 'silent';
  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'body.password'],
            // Every logger of the app (requests, jobs, plugins) is this one or a child: no SQL parameter reaches a line.
            serializers: { req: serializeRequest, err: serializeError },
            ...(development ? await developmentLogger(options.logDestination) : {}),
          },
    ...(development ? { logController: new OneLinePerRequest() } : {}),
    // Every log line of a request carries its id (reqId); the id is echoed on every response and in problem+json.
    genReqId: requestIdOf,
    trustProxy: trustProxy(config.TRUST_PROXY),
    frameworkErrors,
    schemaController: { compilersFactory: { buildSerializer: sharedSerializers() } },
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  onConnectionError = (error) =>
    app.log.warn({ err: { message: error.message } }, 'database connection lost');
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Graceful shutdown (decision 0009): a response finished while the server closes tells its client to close the
  // connection, so kept-alive connections of in-flight requests end with them instead of holding the close open.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  await app.register(dbPlugin, { database, ownsDatabase: !options.database });
  await app.register(metricsPlugin);
  await app.register(errorsPlugin);
  await app.register(inputPlugin);
  await app.register(fairnessPlugin);
  await app.register(deprecationPlugin);
  await app.register(securityPlugin);
  registerSchemas(app);
  await app.register(swaggerPlugin);
  await app.register(authPlugin, { config });
  await app.register(csrfPlugin, { config });
  await app.register(clientLimitsPlugin);
  await app.register(workersPlugin);
  await app.register(afterResponsePlugin);
  await app.register(systemRoutes);
  await app.register(apiV1, { prefix: '/api/v1' });
  await app.register(webPlugin, { config });
  await app.register(jobsPlugin);
  await ensureReferenceData(database.db);
  await ensureContent(database.db);
  return app;
}
