import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { relationships } from '../../db/schema/index.js';
import { LIVE_RELATIONSHIP_STATES } from '../../db/states.js';

/** R-CAP-1: live relationships (the domain's LIVE_RELATIONSHIP_STATES) a person has as mentor. */
export async function liveMenteeCount(db: Tx, mentorId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(relationships)
    .where(
      and(eq(relationships.mentorId, mentorId), inArray(relationships.state, [...LIVE_RELATIONSHIP_STATES])),
    );
  return row?.n ?? 0;
}
