import type { FastifyPluginAsync } from 'fastify';
import auth from './auth.js';
import accounts from './accounts.js';
import oidc from './oidc.js';
import content from './content.js';
import directory from './directory.js';
import applications from './applications.js';
import reference from './reference.js';
import matching from './matching.js';
import invitations from './invitations.js';
import relationships from './relationships/index.js';
import notifications from './notifications.js';
import integrations from './integrations/index.js';
import coordination from './coordination/index.js';
import contactRequests from './coordination/contact-requests.js';
import training from './training/index.js';
import auditLog from './audit.js';

/** Every /api/v1 resource. Each file is one resource; add new ones here. */
const apiV1: FastifyPluginAsync = async (app) => {
  await app.register(auth);
  await app.register(accounts);
  await app.register(oidc);
  await app.register(content);
  await app.register(directory);
  await app.register(applications);
  await app.register(reference);
  await app.register(matching);
  await app.register(invitations);
  await app.register(relationships);
  await app.register(notifications);
  await app.register(integrations);
  await app.register(coordination);
  await app.register(contactRequests);
  await app.register(training);
  await app.register(auditLog);
};
export default apiV1;
