import { monthsHavePassed } from './clock.js';
import { orientationWaived } from './relationship.milestones.js';
import { isLive, type Milestones, type PairRole, type Relationship } from './relationship.types.js';
import { DEFAULT_SETTINGS, type ProgramSettings } from './settings.js';

export type RelationshipEvent =
  | { type: 'record_orientation'; attendedAt?: Date }
  | { type: 'complete_agreement' }
  | { type: 'complete_idp' }
  | { type: 'submit_progress_report'; role: PairRole; wantsCoordinatorContact?: boolean }
  | { type: 'submit_survey'; role: PairRole }
  | { type: 'request_termination'; by: PairRole; reason: string }
  | { type: 'record_guidance'; coordinatorId: string; text: string }
  | { type: 'terminate'; coordinatorId: string; reason?: string }
  | { type: 'withdraw_termination_request' }
  /** R-END-1: both partners and a coordinator agreed the goals are met (the caller checks the three agreements). */
  | { type: 'complete_early'; coordinatorId: string }
  | { type: 'tick' };

export type RelationshipTransition =
  { ok: true; relationship: Relationship; effects: string[] } | { ok: false; rule: string; detail: string };

const refuse = (rule: string, detail: string): RelationshipTransition => ({ ok: false, rule, detail });

/** The clock-driven moves: R-LIFE-6 onboarding → active, R-LIFE-5 active → completed. */
function settle(rel: Relationship, clock: Date, effects: string[]): RelationshipTransition {
  const m = rel.milestones;
  let next = rel;
  if (next.state === 'onboarding' && m.orientation && m.agreement && m.idp) {
    next = { ...next, state: 'active' };
    effects.push('relationship_active');
  }
  const surveysIn = m.completionSurvey.mentor && m.completionSurvey.mentee;
  if (next.state === 'active' && surveysIn && monthsHavePassed(next.confirmedAt, 12, clock)) {
    next = { ...next, state: 'completed' };
    effects.push('relationship_completed');
  }
  return { ok: true, relationship: next, effects };
}

function recordMilestone(
  rel: Relationship,
  clock: Date,
  label: string,
  update: (m: Milestones) => Milestones | null,
  effects: string[] = [],
): RelationshipTransition {
  if (!isLive(rel.state))
    return refuse('R-LIFE-8', `Cannot record the ${label} on a relationship that is ${rel.state}.`);
  const milestones = update(rel.milestones);
  if (!milestones) return refuse('R-LIFE-8', `The ${label} is already recorded.`);
  return settle({ ...rel, milestones }, clock, effects);
}

function recordOrientation(rel: Relationship, attendedAt: Date, clock: Date): RelationshipTransition {
  if (attendedAt.getTime() > clock.getTime())
    return refuse('R-LIFE-1', 'An orientation cannot be recorded before it happens.');
  const earlier = attendedAt.getTime() < rel.confirmedAt.getTime();
  if (earlier && !orientationWaived(attendedAt, clock)) {
    return refuse(
      'R-LIFE-1',
      'That orientation was more than 12 months ago; the pair must attend a new one.',
    );
  }
  return recordMilestone(rel, clock, 'orientation', (m) =>
    m.orientation ? null : { ...m, orientation: attendedAt, orientationWaived: earlier },
  );
}

function terminate(
  rel: Relationship,
  coordinatorId: string,
  reason: string | undefined,
  clock: Date,
): RelationshipTransition {
  const t = rel.termination;
  if (rel.state === 'termination_requested' && t?.guidance) {
    return {
      ok: true,
      relationship: {
        ...rel,
        state: 'terminated',
        ended: { at: clock, by: coordinatorId, reason: t.reason },
      },
      effects: ['relationship_terminated'],
    };
  }
  if (isLive(rel.state) && reason?.trim()) {
    return {
      ok: true,
      relationship: {
        ...rel,
        state: 'terminated',
        ended: { at: clock, by: coordinatorId, reason: reason.trim() },
      },
      effects: ['relationship_terminated'],
    };
  }
  if (!isLive(rel.state)) return refuse('R-LIFE-8', `Cannot terminate a relationship that is ${rel.state}.`);
  return refuse(
    'R-LIFE-7',
    'The coordinator must record guidance before a termination takes effect, or end the relationship with a reason.',
  );
}

/** R-LIFE-8: every transition is a pure function of (relationship, event, clock). */
export function nextRelationshipState(
  rel: Relationship,
  event: RelationshipEvent,
  clock: Date,
  settings: Pick<ProgramSettings, 'terminationMinMonths'> = DEFAULT_SETTINGS,
): RelationshipTransition {
  switch (event.type) {
    case 'tick':
      return settle(rel, clock, []);
    case 'record_orientation':
      return recordOrientation(rel, event.attendedAt ?? clock, clock);
    case 'complete_agreement':
      return recordMilestone(
        rel,
        clock,
        'mentoring agreement',
        (m) => (m.agreement ? null : { ...m, agreement: clock }),
        ['alert_coordinator_agreement_complete'],
      );
    case 'complete_idp':
      return recordMilestone(rel, clock, 'IDP', (m) => (m.idp ? null : { ...m, idp: clock }), [
        'alert_coordinator_idp_complete',
      ]);
    case 'submit_progress_report':
      return recordMilestone(
        rel,
        clock,
        `${event.role}'s progress report`,
        (m) =>
          m.progressReport[event.role]
            ? null
            : { ...m, progressReport: { ...m.progressReport, [event.role]: clock } },
        event.wantsCoordinatorContact ? ['alert_coordinator_help_requested'] : [],
      );
    case 'submit_survey':
      return recordMilestone(rel, clock, `${event.role}'s completion survey`, (m) =>
        m.completionSurvey[event.role]
          ? null
          : { ...m, completionSurvey: { ...m.completionSurvey, [event.role]: clock } },
      );
    case 'request_termination': {
      if (rel.state !== 'onboarding' && rel.state !== 'active')
        return refuse('R-LIFE-8', `Cannot ask to terminate a relationship that is ${rel.state}.`);
      const months = settings.terminationMinMonths;
      if (!monthsHavePassed(rel.confirmedAt, months, clock))
        return refuse(
          'R-LIFE-7',
          `A partner may ask to end the relationship only once ${months} months have passed since confirmation.`,
        );
      const termination = {
        requestedBy: event.by,
        reason: event.reason,
        requestedAt: clock,
        fromState: rel.state,
        guidance: null,
      };
      return {
        ok: true,
        relationship: { ...rel, state: 'termination_requested', termination },
        effects: ['alert_coordinator_termination_requested'],
      };
    }
    case 'record_guidance': {
      if (rel.state !== 'termination_requested' || !rel.termination)
        return refuse('R-LIFE-8', 'Guidance is recorded only for a relationship with a termination request.');
      if (!event.text.trim()) return refuse('R-LIFE-7', 'The guidance needs some text.');
      const guidance = { coordinatorId: event.coordinatorId, text: event.text.trim(), at: clock };
      return {
        ok: true,
        relationship: { ...rel, termination: { ...rel.termination, guidance } },
        effects: ['notify_pair_guidance_recorded'],
      };
    }
    case 'terminate':
      return terminate(rel, event.coordinatorId, event.reason, clock);
    case 'complete_early': {
      if (!isLive(rel.state))
        return refuse('R-LIFE-8', `Cannot complete a relationship that is ${rel.state}.`);
      if (!monthsHavePassed(rel.confirmedAt, settings.terminationMinMonths, clock))
        return refuse(
          'R-END-1',
          `A relationship can be completed early only once ${settings.terminationMinMonths} months have passed since confirmation.`,
        );
      const ended = {
        at: clock,
        by: event.coordinatorId,
        reason: 'Completed early: the goals were met.',
        early: true,
      };
      return {
        ok: true,
        relationship: { ...rel, state: 'completed', termination: null, ended },
        effects: ['relationship_completed_early'],
      };
    }
    case 'withdraw_termination_request':
      if (rel.state !== 'termination_requested' || !rel.termination)
        return refuse('R-LIFE-8', 'There is no termination request to withdraw.');
      return settle({ ...rel, state: rel.termination.fromState, termination: null }, clock, [
        'notify_coordinator_termination_withdrawn',
      ]);
  }
}
