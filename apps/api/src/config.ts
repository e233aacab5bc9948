import { envSchema } from 'env-schema';
import { Type, type Static } from '@sinclair/typebox';

// Every setting comes from the environment and is validated at start-up; a bad value stops the process
// with a message naming the variable. Documented in the README's configuration table.
export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10, description: 'PostgreSQL connections per API process' }),
  DATABASE_CONNECT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 120_000, default: 5_000, description: 'how long to wait for a new PostgreSQL connection' }),
  DATABASE_STATEMENT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 30_000, description: 'PostgreSQL statement_timeout per connection' }),
  DATABASE_IDLE_TX_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 60_000, description: 'PostgreSQL idle_in_transaction_session_timeout per connection' }),
  MIGRATE_ON_START: Type.Boolean({ default: true, description: 'apply pending migrations at start-up; false: refuse to start until `migrate` has run' }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 1_000, maximum: 600_000, default: 20_000, description: 'on SIGTERM, how long in-flight requests and jobs may take to finish' }),
  METRICS_PORT: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 65535, description: 'port of GET /metrics (Prometheus), apart from the public one' }),
  ),
  DATA_DIR: Type.String({ default: '.data/pglite', description: 'PGlite data folder; "memory://" keeps it in memory' }),
  JWT_SECRET: Type.String({ minLength: 32, default: 'development-only-secret-change-me-in-production!!' }),
  SESSION_TTL_MINUTES: Type.Integer({ minimum: 5, maximum: 1440, default: 480 }),
  APP_URL: Type.String({ default: 'http://localhost:3000' }),
  SEED: Type.Union([Type.Literal('demo'), Type.Literal('none')], { default: 'demo' }),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ default: 'HHS Mentoring Program <mentoring-noreply@hhs.gov>' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  WEB_DIST: Type.Optional(Type.String({ description: 'folder of the built web app to serve' })),
  JOBS: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'on' }),
  // R-ACC-1: single sign-on through OpenID Connect; the OIDC routes exist only when the issuer and client are set.
  OIDC_ISSUER_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_REDIRECT_URL: Type.Optional(Type.String({ pattern: '^https?://', description: 'default: APP_URL + /api/v1/auth/oidc/callback' })),
});
export type Config = Static<typeof ConfigSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const config = envSchema<Config>({ schema: ConfigSchema, data: env, dotenv: false });
  if (config.NODE_ENV === 'production' && config.JWT_SECRET === ConfigSchema.properties.JWT_SECRET.default) {
    throw new Error('JWT_SECRET must be set in production');
  }
  return config;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: 'memory://',
    SEED: 'none',
    LOG_LEVEL: 'silent',
    JOBS: 'off',
    ...Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, v === undefined ? undefined : String(v)])),
  });
}
