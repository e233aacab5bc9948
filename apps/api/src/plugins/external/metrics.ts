import fp from 'fastify-plugin';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMetrics, type Metrics } from '../../observability/metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics & {
      /** The metrics listener's address once the app is ready, when METRICS_PORT is set. */
      address(): AddressInfo | undefined;
    };
  }
}

/**
 * Prometheus metrics (decision 0606). Every request is observed under its route template; GET /metrics is served on
 * METRICS_PORT only, a port the Ingress never routes to, so it is not public. Without METRICS_PORT nothing listens.
 */
export default fp(
  async (app) => {
    const metrics = createMetrics(app.database);
    let server: Server | undefined;
    app.decorate('metrics', { ...metrics, address: () => server?.address() as AddressInfo | undefined });
    app.addHook('onResponse', async (request, reply) => {
      metrics.observeRequest(
        request.routeOptions.url ?? 'unmatched',
        request.method,
        reply.statusCode,
        reply.elapsedTime / 1000,
      );
    });
    const port = app.config.METRICS_PORT;
    if (port === undefined) return;
    app.addHook('onReady', async () => {
      server = createServer((request, response) => {
        if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
          response
            .writeHead(404, { 'content-type': 'text/plain' })
            .end('Not found: metrics are at /metrics\n');
          return;
        }
        metrics.registry.metrics().then(
          (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
          (error: unknown) => {
            app.log.error({ err: error }, 'metrics collection failed');
            response.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics collection failed\n');
          },
        );
      });
      await new Promise<void>((resolve, reject) =>
        server!.once('error', reject).listen(port, app.config.HOST, resolve),
      );
    });
    app.addHook('onClose', async () => {
      if (server) await new Promise((resolve) => server!.close(resolve));
    });
  },
  { name: 'metrics', dependencies: ['db'] },
);
