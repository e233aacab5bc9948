import fp from 'fastify-plugin';
import type { Database, Db } from '../../db/client.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    db: Db;
  }
}

/** Decorates the app with the database opened by buildApp; closes it with the app when the app owns it. */
export default fp<{ database: Database; ownsDatabase: boolean }>(
  async (app, { database, ownsDatabase }) => {
    app.decorate('database', database);
    app.decorate('db', database.db);
    if (ownsDatabase) app.addHook('onClose', async () => database.close());
  },
  { name: 'db' },
);
