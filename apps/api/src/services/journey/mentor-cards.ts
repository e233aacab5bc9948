import { and, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { mentorWaitlist } from '../../db/schema/index.js';
import type { EmployeeRow } from './people.js';
import { fullName } from './people.js';
import type { MentorRow } from './profiles.js';

/** What a mentor's public card is made of (R-MATCH-5: never an email or phone), as read or as kept in the index. */
export type MentorCardFacts = Pick<
  EmployeeRow,
  'id' | 'firstName' | 'lastName' | 'opdiv' | 'payPlan' | 'grade' | 'occupationTitle' | 'city' | 'state'
> &
  Pick<
    MentorRow,
    'bio' | 'competencies' | 'technicalAreas' | 'platforms' | 'communicationMethods' | 'capacity' | 'paused'
  > & {
    /** Live relationships as mentor (R-CAP-1). */
    live: number;
  };

/** The card shown on suggestions, search, shortlists and the mentor's page. */
export function publicCard(m: MentorCardFacts, maxCapacity: number, menteesWaiting: number) {
  return {
    id: m.id,
    name: fullName(m),
    opdiv: m.opdiv,
    grade: `${m.payPlan}-${m.grade}`,
    occupationTitle: m.occupationTitle,
    city: m.city,
    state: m.state,
    bio: m.bio,
    competencies: m.competencies,
    technicalAreas: m.technicalAreas,
    platforms: m.platforms,
    communicationMethods: m.communicationMethods,
    // R-CAP-1: a mentor's own capacity never exceeds the program maximum, which the program manager may lower.
    remainingCapacity: Math.max(0, Math.min(m.capacity, maxCapacity) - m.live),
    paused: m.paused,
    menteesWaiting,
  };
}

function waitingQuery(db: Db) {
  return db
    .select({ id: mentorWaitlist.mentorId, n: sql<number>`count(*)::int` })
    .from(mentorWaitlist)
    .where(
      and(
        isNull(mentorWaitlist.notifiedAt),
        sql`${mentorWaitlist.mentorId} = any(${sql.placeholder('ids')}::text[])`,
      ),
    )
    .groupBy(mentorWaitlist.mentorId)
    .prepare('mentor_cards_waiting');
}
// Prepared once per database handle (tests run several databases in one process).
const waitingQueries = new WeakMap<Db, ReturnType<typeof waitingQuery>>();

/**
 * Mentees waiting for each of these mentors (R-WAIT-1), for the cards the suggestions page takes from the mentor
 * index: the waitlist is not part of what the index is built from, so it is read per page (one small statement).
 */
export async function menteesWaitingFor(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  let query = waitingQueries.get(db);
  if (!query) waitingQueries.set(db, (query = waitingQuery(db)));
  const rows = await query.execute({ ids });
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}
