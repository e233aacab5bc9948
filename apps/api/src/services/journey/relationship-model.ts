import type { Relationship } from '@hhs-mentoring/domain';
import type { relationships } from '../../db/schema/index.js';

export type RelationshipRow = typeof relationships.$inferSelect;

/** Row ↔ domain value: the domain decides every transition (R-LIFE-8), the row stores it. */
export function toDomain(r: RelationshipRow): Relationship {
  return {
    state: r.state,
    confirmedAt: r.confirmedAt,
    milestones: {
      orientation: r.orientationAt,
      orientationWaived: r.orientationWaived,
      agreement: r.agreementAt,
      idp: r.idpAt,
      progressReport: { mentor: r.progressMentorAt, mentee: r.progressMenteeAt },
      completionSurvey: { mentor: r.surveyMentorAt, mentee: r.surveyMenteeAt },
    },
    termination:
      r.terminationRequestedBy && r.terminationRequestedAt && r.terminationFromState
        ? {
            requestedBy: r.terminationRequestedBy,
            reason: r.terminationReason ?? '',
            requestedAt: r.terminationRequestedAt,
            fromState: r.terminationFromState,
            guidance:
              r.guidanceAt && r.guidanceBy
                ? { coordinatorId: r.guidanceBy, text: r.guidanceText ?? '', at: r.guidanceAt }
                : null,
          }
        : null,
    ended: r.endedAt
      ? { at: r.endedAt, by: r.endedBy ?? '', reason: r.endedReason ?? '', early: r.completedEarly }
      : null,
  };
}

export function fromDomain(rel: Relationship): Partial<typeof relationships.$inferInsert> {
  const m = rel.milestones;
  const t = rel.termination;
  return {
    state: rel.state,
    orientationAt: m.orientation,
    orientationWaived: m.orientationWaived,
    agreementAt: m.agreement,
    idpAt: m.idp,
    progressMentorAt: m.progressReport.mentor,
    progressMenteeAt: m.progressReport.mentee,
    surveyMentorAt: m.completionSurvey.mentor,
    surveyMenteeAt: m.completionSurvey.mentee,
    terminationRequestedBy: t?.requestedBy ?? null,
    terminationReason: t?.reason ?? null,
    terminationRequestedAt: t?.requestedAt ?? null,
    terminationFromState: t?.fromState ?? null,
    guidanceText: t?.guidance?.text ?? null,
    guidanceBy: t?.guidance?.coordinatorId ?? null,
    guidanceAt: t?.guidance?.at ?? null,
    endedAt: rel.ended?.at ?? null,
    endedBy: rel.ended?.by ?? null,
    endedReason: rel.ended?.reason ?? null,
    completedEarly: rel.ended?.early ?? false,
  };
}
