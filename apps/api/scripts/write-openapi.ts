// Writes the OpenAPI document the web app's client is generated from (packages/api-client).
// Builds the app on an empty in-memory database, so no server or data folder is needed.
// `--stdout` prints the document instead (the api-client freshness test compares it with the committed one).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.js';
import { testConfig } from '../src/config.js';

const target = fileURLToPath(new URL('../../../packages/api-client/openapi.json', import.meta.url));
const app = await buildApp({ config: testConfig() });
await app.ready();
const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();
if (process.argv.includes('--stdout')) process.stdout.write(document);
else {
  writeFileSync(target, document);
  console.log(`wrote ${target}`);
}
