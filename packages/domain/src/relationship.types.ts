/** §6 relationship states; live = onboarding, active or termination_requested (§4). */
export type RelationshipState =
  'onboarding' | 'active' | 'termination_requested' | 'completed' | 'terminated';
export const RELATIONSHIP_STATES: readonly RelationshipState[] = [
  'onboarding',
  'active',
  'termination_requested',
  'completed',
  'terminated',
];

export type PairRole = 'mentor' | 'mentee';

export interface Milestones {
  orientation: Date | null;
  /** R-LIFE-1: recorded as done because the person attended one within the last 12 months. */
  orientationWaived: boolean;
  agreement: Date | null;
  idp: Date | null;
  progressReport: Record<PairRole, Date | null>;
  completionSurvey: Record<PairRole, Date | null>;
}

export interface TerminationRequest {
  requestedBy: PairRole;
  reason: string;
  requestedAt: Date;
  /** Where a withdrawn request returns to. */
  fromState: 'onboarding' | 'active';
  guidance: { coordinatorId: string; text: string; at: Date } | null;
}

export interface Relationship {
  state: RelationshipState;
  confirmedAt: Date;
  milestones: Milestones;
  termination: TerminationRequest | null;
  /** `early`: R-END-1 completed early, counted apart from completions at 12 months and from terminations. */
  ended: { at: Date; by: string; reason: string; early?: boolean } | null;
}

/**
 * §4 live relationships: the one home of this set. The API derives its SQL lists from it, and a test compares it
 * with the partial unique indexes the migrations built (R-CAP-1, R-CAP-2).
 */
export const LIVE_RELATIONSHIP_STATES = [
  'onboarding',
  'active',
  'termination_requested',
] as const satisfies readonly RelationshipState[];

export function isLive(state: RelationshipState): boolean {
  return (LIVE_RELATIONSHIP_STATES as readonly RelationshipState[]).includes(state);
}

export function newRelationship(confirmedAt: Date): Relationship {
  return {
    state: 'onboarding',
    confirmedAt,
    milestones: {
      orientation: null,
      orientationWaived: false,
      agreement: null,
      idp: null,
      progressReport: { mentor: null, mentee: null },
      completionSurvey: { mentor: null, mentee: null },
    },
    termination: null,
    ended: null,
  };
}
