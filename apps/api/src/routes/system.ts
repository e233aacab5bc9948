import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { isReady } from '../db/client.js';
import { Problem } from '../lib/problem.js';

const Health = Type.Object({ status: Type.String() });

/**
 * /healthz: the process is alive (never touches the database, so an outage does not get replicas restarted).
 * /readyz: the database answers within 1.5 s and the schema is at this version; otherwise 503 problem+json, so the
 * load balancer stops sending traffic until it recovers (decision 0005).
 */
const system: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['system'], summary: 'Liveness: the process answers', response: { 200: Health } } },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers and the migrations are applied',
        response: { 200: Health, 503: Type.Ref('Problem') },
      },
    },
    async (_request, reply) => {
      if (await isReady(app.db).catch(() => false)) return { status: 'ready' };
      reply.header('retry-after', '5');
      throw new Problem(
        503,
        'not-ready',
        'Not ready',
        'The database does not answer, or its schema is not at this version yet.',
      );
    },
  );
};
export default system;
