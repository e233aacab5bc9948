import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from './seed/seed.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(`Configuration error: ${(error as Error).message}`);
  process.exit(1);
}
const app = await buildApp({ config });
if (config.SEED === 'demo') {
  const created = await seedDemo(app.db);
  if (created) app.log.info(`Seeded the demo workforce (${created.length} demo accounts).`);
}
await app.listen({ port: config.PORT, host: config.HOST });
await app.jobs?.settled(); // the jobs' first log lines come before the banner, which stays last
if (config.NODE_ENV !== 'production' && config.SEED === 'demo') {
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  console.log(`\nHHS Mentoring Matching System is running at ${url}  (API docs: ${url}/api/docs)`);
  console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
  for (const d of DEMO_PEOPLE) console.log(`  ${d.role.padEnd(20)} ${d.person.email}`);
  console.log('');
}
closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err) app.log.error({ err }, 'closing after an error');
  await app.close();
});
