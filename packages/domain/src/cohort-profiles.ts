import { solveCohort, type CohortEdge, type CohortOptions, type CohortResult } from './cohort-matching.js';
import { remainingCapacity } from './eligibility.js';
import { buildMentorIndex } from './matching.index.js';
import { scoreCandidatesIndexed, type ScoreOptions } from './matching.scorer.js';
import type { ProgramSettings } from './settings.js';
import type { MenteeProfile, MentorProfile } from './types.js';

/** A proposed pair with the auto-matching reasons a person reads before approving it (R-MATCH-1). */
export interface ExplainedCohortEdge extends CohortEdge {
  reasons: string[];
}

export interface ExplainedCohortResult extends CohortResult {
  pairs: ExplainedCohortEdge[];
}

/**
 * R-MATCH-4 from profiles: edges are the auto-matching scores (so only R-MATCH-1-eligible pairs: the §3 hard rules,
 * R-CAP-1 room, R-APP-2 availability), mentees who already have a live relationship (R-CAP-2) or whose invitations are
 * full (R-CAP-3) are left out with that reason. The index is built over every mentor given, as the suggestions'
 * index is, so a pair's score and reasons are the ones the mentee would see among their suggestions.
 */
export function cohortFromProfiles(mentees: readonly MenteeProfile[], mentors: readonly MentorProfile[], settings: ProgramSettings, opts: ScoreOptions & CohortOptions): ExplainedCohortResult {
  const index = buildMentorIndex(mentors);
  const blocked: CohortResult['unmatched'] = [];
  const edges: CohortEdge[] = [];
  const reasons = new Map<string, string[]>();
  const open: string[] = [];
  for (const mentee of mentees) {
    if (mentee.hasLiveRelationship) blocked.push({ menteeId: mentee.employeeId, reason: 'R-CAP-2: already in a mentoring relationship.' });
    else if (mentee.openInvitationCount >= settings.maxOpenInvitations) blocked.push({ menteeId: mentee.employeeId, reason: 'R-CAP-3: already has the maximum number of open invitations.' });
    else {
      open.push(mentee.employeeId);
      for (const s of scoreCandidatesIndexed(mentee, index, settings, { ...opts, limit: opts.topK })) {
        edges.push({ menteeId: mentee.employeeId, mentorId: s.mentorId, score: s.total });
        reasons.set(`${mentee.employeeId}\u0000${s.mentorId}`, s.reasons);
      }
    }
  }
  const capacities = mentors.map((m) => ({ id: m.employeeId, remainingCapacity: remainingCapacity(m, settings) }));
  const result = solveCohort(open, capacities, edges, opts);
  return {
    ...result,
    pairs: result.pairs.map((p) => ({ ...p, reasons: reasons.get(`${p.menteeId}\u0000${p.mentorId}`) ?? [] })),
    unmatched: [...result.unmatched, ...blocked],
  };
}
