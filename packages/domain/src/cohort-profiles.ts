import { solveCohort, type CohortEdge, type CohortOptions, type CohortResult } from './cohort-matching.js';
import { remainingCapacity } from './eligibility.js';
import { buildMentorIndex } from './matching.index.js';
import { scoreCandidatesIndexed, type ScoreOptions } from './matching.scorer.js';
import type { ProgramSettings } from './settings.js';
import type { MenteeProfile, MentorProfile } from './types.js';

/**
 * R-MATCH-4 from profiles: edges are the auto-matching scores (so only R-MATCH-1-eligible pairs), mentees who
 * already have a live relationship (R-CAP-2) or whose invitations are full (R-CAP-3) are left out with that reason.
 */
export function cohortFromProfiles(mentees: readonly MenteeProfile[], mentors: readonly MentorProfile[], settings: ProgramSettings, opts: ScoreOptions & CohortOptions): CohortResult {
  const index = buildMentorIndex(mentors);
  const blocked: CohortResult['unmatched'] = [];
  const edges: CohortEdge[] = [];
  const open: string[] = [];
  for (const mentee of mentees) {
    if (mentee.hasLiveRelationship) blocked.push({ menteeId: mentee.employeeId, reason: 'R-CAP-2: already in a mentoring relationship.' });
    else if (mentee.openInvitationCount >= settings.maxOpenInvitations) blocked.push({ menteeId: mentee.employeeId, reason: 'R-CAP-3: already has the maximum number of open invitations.' });
    else {
      open.push(mentee.employeeId);
      for (const s of scoreCandidatesIndexed(mentee, index, settings, { ...opts, limit: opts.topK })) edges.push({ menteeId: mentee.employeeId, mentorId: s.mentorId, score: s.total });
    }
  }
  const capacities = mentors.map((m) => ({ id: m.employeeId, remainingCapacity: remainingCapacity(m, settings) }));
  const result = solveCohort(open, capacities, edges, opts);
  return { ...result, unmatched: [...result.unmatched, ...blocked] };
}
