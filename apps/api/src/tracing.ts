// Loaded before the app: `node --import ./dist/tracing.js dist/server.js` (decision 0610). Without an OTLP endpoint
// it loads nothing and registers nothing.
import { startTracing } from './observability/tracing.js';

try {
  await startTracing();
} catch (error) {
  console.error(`Configuration error: ${(error as Error).message}`);
  process.exit(1);
}
