import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * R-SEC-8: runs work once the answer is on its way, so how long the work takes (a link sent or not) cannot
     * be read from the response time. Failures are logged; closing the app waits for work still running.
     */
    afterResponse(request: FastifyRequest, work: () => Promise<unknown>): void;
    /** Resolves when all work started by afterResponse has finished (tests, shutdown). */
    settled(): Promise<void>;
  }
}

export default fp(
  async (app) => {
    const running = new Set<Promise<unknown>>();
    app.decorate('afterResponse', (request: FastifyRequest, work: () => Promise<unknown>) => {
      const done: Promise<unknown> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(work)
        .catch((error: unknown) => request.log.error({ err: error }, 'work after the response failed'))
        .finally(() => running.delete(done));
      running.add(done);
    });
    app.decorate('settled', async () => {
      while (running.size > 0) await Promise.all([...running]);
    });
    // Before the database closes: preClose runs ahead of every onClose hook, onClose catches work started by the
    // last in-flight requests.
    app.addHook('preClose', async () => app.settled());
    app.addHook('onClose', async () => app.settled());
  },
  { name: 'after-response' },
);
