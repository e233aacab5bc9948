import type { FastifyPluginAsync } from 'fastify';
import auth from './auth.js';
import directory from './directory.js';
import applications from './applications.js';
import reference from './reference.js';
import notifications from './notifications.js';

/** Every /api/v1 resource. Each file is one resource; add new ones here. */
const apiV1: FastifyPluginAsync = async (app) => {
  await app.register(auth);
  await app.register(directory);
  await app.register(applications);
  await app.register(reference);
  await app.register(notifications);
};
export default apiV1;
