import type { Tx } from '../db/client.js';

/**
 * R-CAP-1: live relationships ("onboarding", "active", "termination_requested") a person has as mentor.
 * Relationships arrive with the matching module, which replaces this count with a query on its table.
 */
export async function liveMenteeCount(_db: Tx, _mentorId: string): Promise<number> {
  return 0;
}
