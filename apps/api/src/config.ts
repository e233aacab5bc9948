import { isIP } from 'node:net';
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
  DATABASE_POOL_SIZE: Type.Integer({
    minimum: 1,
    maximum: 200,
    default: 10,
    description: 'PostgreSQL connections per API process',
  }),
  DATABASE_CONNECT_TIMEOUT_MS: Type.Integer({
    minimum: 100,
    maximum: 120_000,
    default: 5_000,
    description: 'how long to wait for a new PostgreSQL connection',
  }),
  DATABASE_STATEMENT_TIMEOUT_MS: Type.Integer({
    minimum: 100,
    maximum: 3_600_000,
    default: 30_000,
    description: 'PostgreSQL statement_timeout per connection',
  }),
  DATABASE_IDLE_TX_TIMEOUT_MS: Type.Integer({
    minimum: 100,
    maximum: 3_600_000,
    default: 60_000,
    description: 'PostgreSQL idle_in_transaction_session_timeout per connection',
  }),
  DATABASE_STARTUP_WAIT_MS: Type.Integer({
    minimum: 0,
    maximum: 3_600_000,
    default: 180_000,
    description:
      'at start-up, how long to wait for PostgreSQL to accept connections before exiting (under the startup probe)',
  }),
  MIGRATE_ON_START: Type.Boolean({
    default: true,
    description: 'apply pending migrations at start-up; false: refuse to start until `migrate` has run',
  }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({
    minimum: 1_000,
    maximum: 600_000,
    default: 20_000,
    description: 'on SIGTERM, how long in-flight requests and jobs may take to finish',
  }),
  METRICS_PORT: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 65535,
      description: 'port of GET /metrics (Prometheus), apart from the public one',
    }),
  ),
  DATA_DIR: Type.String({
    default: '.data/pglite',
    description: 'PGlite data folder; "memory://" keeps it in memory',
  }),
  JWT_SECRET: Type.String({
    minLength: 32,
    default: 'development-only-secret-change-me-in-production!!',
    description: 'the key that signs new tokens; in production at least 128 bits of entropy (R-SEC-6)',
  }),
  JWT_KEY_ID: Type.String({
    pattern: '^[A-Za-z0-9._-]{1,32}$',
    default: 'k1',
    description: 'key id (JWT `kid`) of JWT_SECRET',
  }),
  JWT_PREVIOUS_KEYS: Type.String({
    default: '',
    description: 'rotation: `kid=secret` pairs (comma-separated) still accepted for tokens signed before',
  }),
  TRUST_PROXY: Type.String({
    default: 'off',
    pattern: '^(off|[0-9]{1,2}|[0-9a-fA-F.:/, ]+)$',
    description:
      "off, a hop count, or the proxies' addresses/CIDRs (comma-separated) whose X-Forwarded-For is believed (R-SEC-9)",
  }),
  PER_USER_LIMITS: Type.Union([Type.Literal('on'), Type.Literal('off')], {
    default: 'on',
    description: 'per-person limits on the expensive reads (R-SEC-10); off only for capacity benchmarks',
  }),
  SYSTEM_CLIENT_RATE_LIMIT: Type.Integer({
    minimum: 0,
    maximum: 100_000,
    default: 600,
    description:
      'requests a minute each system client may make, counted across every replica (R-API-8); 0 turns the limit off',
  }),
  API_DOCS: Type.Optional(
    Type.Union([Type.Literal('on'), Type.Literal('off')], {
      description: 'the Swagger UI at /api/docs; default on, off in production (R-SEC-11)',
    }),
  ),
  SESSION_TTL_MINUTES: Type.Integer({ minimum: 5, maximum: 1440, default: 480 }),
  APP_URL: Type.String({ default: 'http://localhost:3000' }),
  SEED: Type.Union([Type.Literal('demo'), Type.Literal('none')], { default: 'demo' }),
  SEED_DEMO_PAIR: Type.Optional(
    Type.Union([Type.Literal('on'), Type.Literal('off')], {
      description:
        "the demo mentee and mentor start as a pair in its working year; default on, off when NODE_ENV=test (the browser tests walk the demo mentee's journey from the start)",
    }),
  ),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ default: 'HHS Mentoring Program <mentoring-noreply@hhs.gov>' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  WEB_DIST: Type.Optional(Type.String({ description: 'folder of the built web app to serve' })),
  JOBS: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'on' }),
  CLOCK_JOBS_EVERY_MS: Type.Integer({
    minimum: 1_000,
    maximum: 86_400_000,
    default: 900_000,
    description:
      'period of the R-NOTE-2 clock jobs (invitation expiry, relationship clocks, nudges…); one run per period across all processes',
  }),
  // R-HOOK-*: webhook deliveries (docs/decisions/0902-0904).
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: Type.Optional(
    Type.Union([Type.Literal('on'), Type.Literal('off')], {
      description:
        'deliver webhooks to loopback/private addresses and accept http:// endpoints; default off in production, on elsewhere (R-HOOK-7)',
    }),
  ),
  WEBHOOK_TIMEOUT_MS: Type.Integer({
    minimum: 1_000,
    maximum: 30_000,
    default: 10_000,
    description: 'how long one webhook delivery may take, connection to response headers',
  }),
  WEBHOOK_MAX_ATTEMPTS: Type.Integer({
    minimum: 1,
    maximum: 30,
    default: 15,
    description: 'attempts of one delivery before it is marked failed (replayable) (R-HOOK-4)',
  }),
  WEBHOOK_DISABLE_AFTER: Type.Integer({
    minimum: 1,
    maximum: 1_000,
    default: 15,
    description: 'failed attempts in a row after which an endpoint is switched off (R-HOOK-6)',
  }),
  // R-ACC-1: single sign-on through OpenID Connect; the OIDC routes exist only when the issuer and client are set.
  OIDC_ISSUER_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_REDIRECT_URL: Type.Optional(
    Type.String({ pattern: '^https?://', description: 'default: APP_URL + /api/v1/auth/oidc/callback' }),
  ),
});
export type Config = Static<typeof ConfigSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const config = envSchema<Config>({ schema: ConfigSchema, data: env, dotenv: false });
  if (config.NODE_ENV === 'production' && config.JWT_SECRET === ConfigSchema.properties.JWT_SECRET.default) {
    throw new Error('JWT_SECRET must be set in production');
  }
  const keys = signingKeys(config);
  if (config.NODE_ENV === 'production')
    for (const [kid, secret] of keys)
      if (!isStrongSecret(secret))
        throw new Error(
          `${kid === config.JWT_KEY_ID ? 'JWT_SECRET' : `JWT_PREVIOUS_KEYS (${kid})`} is too guessable: use at least 128 random bits, e.g. \`openssl rand -base64 48\` (R-SEC-6)`,
        );
  trustProxy(config.TRUST_PROXY);
  return config;
}

/** R-SEC-6: entropy of a secret estimated from its own character distribution (Shannon), in bits. */
export function secretEntropyBits(secret: string): number {
  const counts = new Map<string, number>();
  for (const c of secret) counts.set(c, (counts.get(c) ?? 0) + 1);
  const n = [...secret].length;
  let perChar = 0;
  for (const count of counts.values()) perChar -= (count / n) * Math.log2(count / n);
  return perChar * n;
}
const isStrongSecret = (secret: string) =>
  secret.length >= 32 && secretEntropyBits(secret) >= 128 && new Set(secret).size >= 10;

/** R-SEC-6: every key that verifies tokens, by key id; the first signs new ones. */
export function signingKeys(
  config: Pick<Config, 'JWT_SECRET' | 'JWT_KEY_ID' | 'JWT_PREVIOUS_KEYS'>,
): Map<string, string> {
  const keys = new Map([[config.JWT_KEY_ID, config.JWT_SECRET]]);
  for (const pair of config.JWT_PREVIOUS_KEYS.split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.indexOf('=');
    const kid = pair.slice(0, eq);
    if (eq < 1 || !/^[A-Za-z0-9._-]{1,32}$/.test(kid) || pair.length - eq - 1 < 32 || keys.has(kid))
      throw new Error(
        'JWT_PREVIOUS_KEYS must be `kid=secret` pairs with distinct key ids and secrets of 32+ characters',
      );
    keys.set(kid, pair.slice(eq + 1));
  }
  return keys;
}

/** R-SEC-9: Fastify's trustProxy from TRUST_PROXY: off, a hop count, or a list of addresses/CIDRs. */
export function trustProxy(value: string): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (value === 'off') return false;
  if (/^[0-9]+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops; // what proxy-addr does with a hop count
  }
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', bits, extra] = entry.split('/');
    const family = isIP(address);
    const max = family === 6 ? 128 : 32;
    if (
      !family ||
      extra !== undefined ||
      (bits !== undefined && !(/^[0-9]+$/.test(bits) && Number(bits) <= max))
    )
      throw new Error(`TRUST_PROXY: "${entry}" is not an address or CIDR (R-SEC-9)`);
  }
  return entries;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: 'memory://',
    SEED: 'none',
    LOG_LEVEL: 'silent',
    JOBS: 'off',
    ...Object.fromEntries(
      Object.entries(overrides).map(([k, v]) => [k, v === undefined ? undefined : String(v)]),
    ),
  });
}
