import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from './clock.js';
import { milestoneDueDates, milestoneStatus, orientationWaived } from './relationship.milestones.js';
import { nextRelationshipState, type RelationshipEvent } from './relationship.state-machine.js';
import {
  isLive,
  LIVE_RELATIONSHIP_STATES,
  newRelationship,
  RELATIONSHIP_STATES,
  type Relationship,
} from './relationship.types.js';

const confirmedAt = new Date('2025-01-31T15:00:00Z');
const at = (months: number, days = 0) => addDays(addMonths(confirmedAt, months), days);

function run(
  events: Array<[RelationshipEvent, Date]>,
  rel: Relationship = newRelationship(confirmedAt),
): Relationship {
  for (const [event, clock] of events) {
    const r = nextRelationshipState(rel, event, clock);
    if (!r.ok) throw new Error(`${r.rule}: ${r.detail}`);
    rel = r.relationship;
  }
  return rel;
}

const onboarded: Array<[RelationshipEvent, Date]> = [
  [{ type: 'record_orientation' }, at(0, 3)],
  [{ type: 'complete_agreement' }, at(0, 20)],
  [{ type: 'complete_idp' }, at(0, 25)],
];

describe('relationship state machine (§6)', () => {
  it('R-CAP-2: onboarding, active and termination requested are the live states, and isLive says so', () => {
    expect(RELATIONSHIP_STATES.filter(isLive)).toEqual([...LIVE_RELATIONSHIP_STATES]);
    expect(LIVE_RELATIONSHIP_STATES).toEqual(['onboarding', 'active', 'termination_requested']);
  });

  it('due dates: agreement and IDP at 1 month (clamped to month end), reports at 6, surveys at 12', () => {
    const due = milestoneDueDates(confirmedAt);
    expect(due.agreement.toISOString()).toBe('2025-02-28T15:00:00.000Z');
    expect(due['progressReport.mentee'].toISOString()).toBe('2025-07-31T15:00:00.000Z');
    expect(due['completionSurvey.mentor'].toISOString()).toBe('2026-01-31T15:00:00.000Z');
  });

  it('R-LIFE-6: becomes active once orientation, agreement and IDP are complete', () => {
    const rel = run(onboarded.slice(0, 2));
    expect(rel.state).toBe('onboarding');
    expect(run(onboarded).state).toBe('active');
  });

  it('R-LIFE-2/3: completing the agreement or the IDP alerts the coordinator', () => {
    const r = nextRelationshipState(newRelationship(confirmedAt), { type: 'complete_agreement' }, at(0, 5));
    expect(r.ok && r.effects).toEqual(['alert_coordinator_agreement_complete']);
  });

  it('R-LIFE-1: waives orientation for someone who attended within 12 months, not longer ago', () => {
    expect(orientationWaived(addMonths(confirmedAt, -11), confirmedAt)).toBe(true);
    expect(orientationWaived(addMonths(confirmedAt, -13), confirmedAt)).toBe(false);
    const r = nextRelationshipState(
      newRelationship(confirmedAt),
      { type: 'record_orientation', attendedAt: addMonths(confirmedAt, -6) },
      at(0, 1),
    );
    expect(r.ok && r.relationship.milestones.orientationWaived).toBe(true);
    const old = nextRelationshipState(
      newRelationship(confirmedAt),
      { type: 'record_orientation', attendedAt: addMonths(confirmedAt, -14) },
      at(0, 1),
    );
    expect(old).toMatchObject({ ok: false, rule: 'R-LIFE-1' });
  });

  it('R-LIFE-4: a progress report can ask for the coordinator', () => {
    const r = nextRelationshipState(
      run(onboarded),
      { type: 'submit_progress_report', role: 'mentee', wantsCoordinatorContact: true },
      at(6),
    );
    expect(r.ok && r.effects).toEqual(['alert_coordinator_help_requested']);
  });

  it('R-LIFE-5: completes when both surveys are in and 12 months have passed', () => {
    const rel = run([
      ...onboarded,
      [{ type: 'submit_survey', role: 'mentor' }, at(11, 20)],
      [{ type: 'submit_survey', role: 'mentee' }, at(11, 21)],
    ]);
    expect(rel.state).toBe('active');
    const r = nextRelationshipState(rel, { type: 'tick' }, at(12));
    expect(r).toMatchObject({
      ok: true,
      relationship: { state: 'completed' },
      effects: ['relationship_completed'],
    });
  });

  it('R-LIFE-7: refuses termination before 3 months', () => {
    const r = nextRelationshipState(
      run(onboarded),
      { type: 'request_termination', by: 'mentee', reason: 'no fit' },
      at(2, 27),
    );
    expect(r).toMatchObject({ ok: false, rule: 'R-LIFE-7' });
  });

  it('R-LIFE-7: terminates only after the coordinator records guidance', () => {
    const requested = run([
      ...onboarded,
      [{ type: 'request_termination', by: 'mentor', reason: 'schedules' }, at(3)],
    ]);
    expect(requested.state).toBe('termination_requested');
    expect(
      nextRelationshipState(requested, { type: 'terminate', coordinatorId: 'c1' }, at(3, 2)),
    ).toMatchObject({ ok: false, rule: 'R-LIFE-7' });
    const done = run(
      [
        [{ type: 'record_guidance', coordinatorId: 'c1', text: 'Talked with both.' }, at(3, 1)],
        [{ type: 'terminate', coordinatorId: 'c1' }, at(3, 2)],
      ],
      requested,
    );
    expect(done).toMatchObject({ state: 'terminated', ended: { by: 'c1', reason: 'schedules' } });
  });

  it('R-LIFE-7: a coordinator may end a relationship early with a reason', () => {
    const r = nextRelationshipState(
      run(onboarded),
      { type: 'terminate', coordinatorId: 'c1', reason: 'Mentor left HHS' },
      at(1),
    );
    expect(r).toMatchObject({ ok: true, relationship: { state: 'terminated' } });
  });

  it('withdrawing a termination request returns to the earlier state', () => {
    const requested = run([
      ...onboarded,
      [{ type: 'request_termination', by: 'mentor', reason: 'x' }, at(4)],
    ]);
    expect(run([[{ type: 'withdraw_termination_request' }, at(4, 3)]], requested).state).toBe('active');
  });

  it('reports milestone status: done, due, due soon, overdue', () => {
    const rel = run(onboarded.slice(0, 1));
    const status = Object.fromEntries(milestoneStatus(rel, at(1, -3)).map((m) => [m.key, m.status]));
    expect(status).toMatchObject({
      orientation: 'done',
      agreement: 'due_soon',
      'progressReport.mentor': 'due',
    });
    expect(milestoneStatus(rel, at(1, 1)).find((m) => m.key === 'idp')?.status).toBe('overdue');
  });

  it('R-LIFE-8: no event sequence reaches an undefined state', () => {
    const role = fc.constantFrom('mentor' as const, 'mentee' as const);
    const event: fc.Arbitrary<RelationshipEvent> = fc.oneof(
      fc.constantFrom<RelationshipEvent>(
        { type: 'record_orientation' },
        { type: 'complete_agreement' },
        { type: 'complete_idp' },
        { type: 'withdraw_termination_request' },
        { type: 'tick' },
      ),
      fc.record({ type: fc.constant('submit_progress_report' as const), role }),
      fc.record({ type: fc.constant('submit_survey' as const), role }),
      fc.record({ type: fc.constant('request_termination' as const), by: role, reason: fc.string() }),
      fc.record({
        type: fc.constant('record_guidance' as const),
        coordinatorId: fc.constant('c'),
        text: fc.string(),
      }),
      fc.record({
        type: fc.constant('terminate' as const),
        coordinatorId: fc.constant('c'),
        reason: fc.option(fc.string(), { nil: undefined }),
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(event, fc.integer({ min: 0, max: 40 })), { maxLength: 40 }), (steps) => {
        let rel = newRelationship(confirmedAt);
        let day = 0;
        for (const [e, gap] of steps) {
          day += gap;
          const r = nextRelationshipState(rel, e, addDays(confirmedAt, day));
          if (r.ok) rel = r.relationship;
          else expect(r.rule).toMatch(/^R-LIFE-\d$/);
          expect(RELATIONSHIP_STATES).toContain(rel.state);
          if (rel.state === 'termination_requested') expect(rel.termination).not.toBeNull();
        }
      }),
    );
  });
});
