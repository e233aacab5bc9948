import type { FastifyPluginAsync } from 'fastify';
import events from './events.js';
import participation from './participation.js';

const training: FastifyPluginAsync = async (app) => {
  await app.register(events);
  await app.register(participation);
};
export default training;
