import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../config.js';
import { problems } from '../../lib/problem.js';

const defaultDist = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

/** Unknown routes answer problem+json. Serves the built web app (apps/web/dist) with a single-page fallback; /api paths stay problem+json. */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    // A relative WEB_DIST is read from the working folder (@fastify/static itself only takes an absolute path).
    const root = resolve(config.WEB_DIST ?? defaultDist);
    const assets = join(root, 'assets') + sep;
    const serveWeb = existsSync(root);
    // Vite names every file under assets/ by a hash of its content, so a browser may keep it for a year without
    // asking again; index.html (which names the current hashes) and the rest are checked on every load.
    if (serveWeb)
      await app.register(fastifyStatic, {
        root,
        wildcard: false,
        index: ['index.html'],
        setHeaders: (reply, path) =>
          reply.header(
            'cache-control',
            path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
          ),
      });
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
