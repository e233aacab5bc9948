import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { postgresRateLimitStore } from './rate-limit-store.js';

const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
  'interest-cohort=()',
].join(', ');

export default fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    });
    // R-SEC-11: the app uses none of the browser's powerful features, so it denies them to itself and to frames.
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('permissions-policy', PERMISSIONS_POLICY);
    });
    // Routes that need a limit set their own (sign-in, tokens). On PostgreSQL the counters are shared by every
    // replica; the embedded database serves one process, so its counters stay in memory (decision 0010). A
    // database outage does not turn into 429s: the request goes on and meets the outage itself (503).
    await app.register(rateLimit, {
      global: false,
      skipOnError: true,
      ...(app.database.kind === 'postgres' ? { store: postgresRateLimitStore(app.db) } : {}),
    });
  },
  { name: 'security' },
);
