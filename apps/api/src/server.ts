import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { StartupError } from './db/client.js';
import { MigrationMismatch } from './db/migrations.js';
import { stopTracing } from './observability/tracing.js';
import { serializeError } from './observability/log-errors.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from './seed/seed.js';

/** A start-up failure an operator can act on is printed as one sentence; anything else is a bug, with its stack. */
function fail(error: unknown): never {
  if (error instanceof StartupError || error instanceof MigrationMismatch)
    console.error(`Cannot start: ${error.message}`);
  // A failed query's parameters stay out of the output (decision 0611).
  else console.error('Cannot start:', serializeError(error));
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error(`Configuration error: ${(error as Error).message}`);
  process.exit(1);
}
const app = await buildApp({ config }).catch(fail);
if (config.SEED === 'demo') {
  const livePair = (config.SEED_DEMO_PAIR ?? (config.NODE_ENV === 'test' ? 'off' : 'on')) === 'on';
  const created = await seedDemo(app.db, 2000, { livePair });
  if (created) app.log.info(`Seeded the demo workforce (${created.length} demo accounts).`);
}
// On SIGTERM (a rollout, a scale-down) the server stops accepting, lets in-flight requests finish, stops the jobs
// (waiting for runs in progress, which finish their claims; the claims of runs still going near the bound are
// handed back for another replica), and closes the pool — bounded by SHUTDOWN_TIMEOUT_MS, after which the process
// exits anyway (decision 0009).
closeWithGrace({ delay: config.SHUTDOWN_TIMEOUT_MS }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'closing after an error');
  else app.log.info({ signal }, 'shutting down');
  try {
    await app.close();
  } catch (error) {
    app.log.error({ err: error }, 'shutdown did not finish cleanly');
    throw error;
  }
  await stopTracing();
  app.log.info('shut down cleanly');
});
await app.listen({ port: config.PORT, host: config.HOST });
await app.jobs?.settled(); // the jobs' first log lines come before the banner, which stays last
if (config.NODE_ENV !== 'production' && config.SEED === 'demo') {
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  console.log(`\nHHS Mentoring Matching System is running at ${url}  (API docs: ${url}/api/docs)`);
  console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
  for (const d of DEMO_PEOPLE) console.log(`  ${d.role.padEnd(20)} ${d.person.email}`);
  console.log('');
}
