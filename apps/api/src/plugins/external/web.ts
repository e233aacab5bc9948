import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../config.js';
import { problems } from '../../lib/problem.js';

const defaultDist = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

/** Unknown routes answer problem+json. Serves the built web app (apps/web/dist) with a single-page fallback; /api paths stay problem+json. */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const root = config.WEB_DIST ?? defaultDist;
    const serveWeb = existsSync(root);
    if (serveWeb) await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      // /metrics is on METRICS_PORT only: never the web app's HTML here (decision 0606).
      if (
        !serveWeb ||
        request.method !== 'GET' ||
        path.startsWith('/api/') ||
        path === '/metrics' ||
        path.includes('.')
      )
        return reply
          .status(404)
          .type('application/problem+json')
          .send(problems.notFound(`${request.method} ${path}`).toBody(path, request.id));
      return reply.sendFile('index.html');
    });
  },
  { name: 'web' },
);
