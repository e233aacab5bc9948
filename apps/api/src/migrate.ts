// The release's migration step (a Kubernetes Job, or `pnpm migrate`): applies pending migrations to DATABASE_URL
// (or the embedded DATA_DIR) and exits 0 when the schema is at this version. Safe to run while the previous
// version serves: migrations are additive until a later contract step (docs/operations.md, decision 0003).
import { loadConfig } from './config.js';
import { logStartupWait, openDatabase, StartupError } from './db/client.js';
import { MigrationMismatch, migrationStatus } from './db/migrations.js';
import { serializeError } from './observability/log-errors.js';

try {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: 1,
    migrate: true,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    startupWaitMs: config.DATABASE_STARTUP_WAIT_MS,
    onStartupWait: logStartupWait,
  });
  const status = await migrationStatus(database.db as never);
  await database.close();
  console.log(`Database schema is at this version (${status.applied} migrations applied).`);
} catch (error) {
  if (error instanceof StartupError || error instanceof MigrationMismatch)
    console.error(`Migration failed: ${error.message}`);
  else console.error('Migration failed:', serializeError(error));
  process.exit(1);
}
