import type { FastifyPluginAsync } from 'fastify';
import feed from './feed.js';
import meetings from './meetings.js';
import messages from './messages.js';
import staff from './staff.js';

/** Issue 17, the pair's working year: meetings, messages, waitlists, nudges, early completion. */
const pairYear: FastifyPluginAsync = async (app) => {
  await app.register(feed);
  await app.register(meetings);
  await app.register(messages);
  await app.register(staff);
};
export default pairYear;
