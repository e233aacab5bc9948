import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { relationships } from '../db/schema/index.js';

/** R-CAP-1: live relationships ("onboarding", "active", "termination_requested") a person has as mentor. */
export async function liveMenteeCount(db: Tx, mentorId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(relationships)
    .where(
      and(
        eq(relationships.mentorId, mentorId),
        inArray(relationships.state, ['onboarding', 'active', 'termination_requested']),
      ),
    );
  return row?.n ?? 0;
}
