import type { FastifyPluginAsync } from 'fastify';
import oauth from './oauth.js';
import systemClients from './system-clients.js';
import feeds from './feeds.js';

/** R-API-2/3: token endpoint, system client management, and the HR and LMS feeds. */
const integrations: FastifyPluginAsync = async (app) => {
  await app.register(oauth);
  await app.register(systemClients);
  await app.register(feeds);
};
export default integrations;
