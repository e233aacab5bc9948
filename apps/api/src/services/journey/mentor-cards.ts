import { fullName, type EmployeeRow } from './people.js';
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
