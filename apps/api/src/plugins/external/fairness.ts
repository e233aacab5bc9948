import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';

/**
 * R-SEC-10: per-person limits on the expensive reads, so one token cannot starve everyone else (decision 0805).
 * Counted per signed-in person or system client (per address when anonymous) in the shared rate-limit store;
 * over the limit answers 429 + Retry-After. The figures leave room for normal use (a coordinator paging a report,
 * a person typing a name into the directory search) and stop a script.
 */
export const PER_USER_LIMITS: Record<string, { max: number; timeWindow: string }> = {
  'GET /api/v1/me/suggestions': { max: 30, timeWindow: '1 minute' },
  'GET /api/v1/mentees/:employeeId/suggestions': { max: 30, timeWindow: '1 minute' },
  'GET /api/v1/mentors': { max: 60, timeWindow: '1 minute' },
  'GET /api/v1/directory': { max: 120, timeWindow: '1 minute' },
  'GET /api/v1/reports/:report': { max: 30, timeWindow: '1 minute' },
  'POST /api/v1/coordination/cohort-proposals': { max: 10, timeWindow: '1 minute' },
  'GET /api/v1/coordination/third-party-cases/:id/candidates': { max: 30, timeWindow: '1 minute' },
  'GET /api/v1/coordination/dashboard': { max: 60, timeWindow: '1 minute' },
  'GET /api/v1/audit': { max: 60, timeWindow: '1 minute' },
};

/** Whose request this is: the verified token's subject, else the client address. */
export async function requesterKey(request: FastifyRequest): Promise<string> {
  try {
    const token = await request.jwtVerify<{ sub: string; typ: string }>();
    return `${token.typ}:${token.sub}`;
  } catch {
    return `ip:${request.ip}`;
  }
}

/** Must be registered before @fastify/rate-limit, whose own onRoute hook reads the limits set here. */
export default fp(
  async (app) => {
    if (app.config.PER_USER_LIMITS === 'off') return;
    app.addHook('onRoute', (route) => {
      const limit = [route.method]
        .flat()
        .map((method) => PER_USER_LIMITS[`${method} ${route.url}`])
        .find(Boolean);
      if (!limit) return;
      const config = (route.config ?? {}) as { rateLimit?: unknown };
      config.rateLimit ??= { ...limit, keyGenerator: requesterKey };
      route.config = config as typeof route.config;
    });
  },
  { name: 'fairness' },
);
