import type { FastifyInstance } from 'fastify';
import { coordinatorContactRequests } from '../../src/db/schema/index.js';

const DAY = 86_400_000;
export const daysAgo = (n: number, now = Date.now()) => new Date(now - n * DAY);

export async function makeHelpRequest(app: FastifyInstance, relationshipId: string, requestedBy: string) {
  await app.db
    .insert(coordinatorContactRequests)
    .values({ relationshipId, requestedBy, source: 'progress_report' });
}
