import fp from 'fastify-plugin';
import { scheduledJobs } from '../../jobs/index.js';
import { JobRunner } from '../../jobs/runner.js';

declare module 'fastify' {
  interface FastifyInstance {
    jobs?: JobRunner;
  }
}

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * Starts the scheduled jobs once the app is ready when JOBS=on (tests run with JOBS=off and call the jobs
 * directly); stops them when the app starts closing, waiting (bounded) for runs in progress, before the database
 * closes. Every process exports the jobs' periods, JOBS=on or off, so a job no process runs still shows as late
 * (HhsMentoringJobLate).
 */
export default fp(
  async (app) => {
    const on = app.config.JOBS === 'on';
    const { jobs, close } = scheduledJobs(
      app.config,
      app.db,
      on
        ? {
            info: (obj, msg) => app.log.info(obj, msg),
            error: (obj, msg) => app.log.error(obj, msg),
            warn: (obj, msg) => app.log.warn(obj, msg),
          }
        : quiet,
      app.metrics.observeWebhook,
    );
    app.metrics.jobs.registered(jobs);
    if (!on) {
      close();
      return;
    }
    const runner = new JobRunner(app.db, jobs, app.log, undefined, app.metrics.jobs);
    app.decorate('jobs', runner);
    app.addHook('onReady', async () => runner.start());
    // Shutdown (decision 0009): the jobs stop as soon as closing starts, while in-flight requests drain. Runs in
    // progress get most of SHUTDOWN_TIMEOUT_MS to finish; the claims of those still going are then released, so
    // another replica takes their slots at once rather than after the lease, before the process is made to exit.
    let stopping: Promise<number> | undefined;
    const graceMs = Math.max(app.config.SHUTDOWN_TIMEOUT_MS - 1_000, app.config.SHUTDOWN_TIMEOUT_MS / 2);
    app.addHook('preClose', async () => {
      stopping = runner.stop(graceMs);
      stopping.catch(() => undefined);
    });
    app.addHook('onClose', async () => {
      await (stopping ?? runner.stop(graceMs));
      close();
    });
  },
  { name: 'jobs', dependencies: ['db', 'metrics'] },
);
