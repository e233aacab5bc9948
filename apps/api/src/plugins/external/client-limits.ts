import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { problems } from '../../lib/problem.js';

const WINDOW_MS = 60_000;

/** The verified system client of a bearer token, or undefined for anyone else (people, no token, a bad token). */
async function systemClientOf(request: FastifyRequest): Promise<string | undefined> {
  if (!/^bearer\s/i.test(request.headers.authorization ?? '')) return undefined;
  try {
    const token = await request.jwtVerify<{ sub: string; typ: string }>();
    return token.typ === 'system' ? token.sub : undefined;
  } catch {
    return undefined;
  }
}

/**
 * R-API-8: every system client has a budget of SYSTEM_CLIENT_RATE_LIMIT requests a minute on the whole API, counted
 * by client id (never by address: several systems may share a gateway, one system may call from many hosts) in the
 * shared rate-limit store, so two replicas allow it once (decision 0010). Each answer to a system client carries
 * RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (IETF httpapi draft); over budget it is a 429 problem
 * with Retry-After. The per-route limits (R-SEC-10) still apply on top.
 */
export default fp(
  async (app) => {
    const max = app.config.SYSTEM_CLIENT_RATE_LIMIT;
    if (max === 0) return;
    const limit = app.createRateLimit({
      max,
      timeWindow: WINDOW_MS,
      keyGenerator: async (request: FastifyRequest) => `client:${(await systemClientOf(request)) ?? ''}`,
      allowList: (_request: FastifyRequest, key: string) => key === 'client:',
      // Read by the PostgreSQL store as the counters' key prefix.
      storePrefix: 'system-client',
    } as Parameters<typeof app.createRateLimit>[0]);
    app.addHook('onRequest', async (request, reply) => {
      const result = await limit(request);
      if (result.isAllowed) return;
      reply
        .header('ratelimit-policy', `${max};w=${WINDOW_MS / 1000}`)
        .header('ratelimit-limit', String(max))
        .header('ratelimit-remaining', String(result.remaining))
        .header('ratelimit-reset', String(Math.max(0, result.ttlInSeconds)));
      if (result.isExceeded)
        throw problems.tooMany(
          `This system client made more than ${max} requests in a minute. Wait ${result.ttlInSeconds} s. (R-API-8)`,
          result.ttlInSeconds,
        );
    });
  },
  { name: 'client-limits', dependencies: ['auth'] },
);
