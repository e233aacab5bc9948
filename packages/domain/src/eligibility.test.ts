import { describe, expect, it } from 'vitest';
import {
  checkCapacity,
  checkHardRules,
  checkPairEligibility,
  mentorCapacityRefusals,
  selfMentoringRefusals,
} from './eligibility.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { makeEmployee, makeMentee, makeMentor, noSupervisors } from './test-factories.js';

const settings = DEFAULT_SETTINGS;
const rules = (r: ReturnType<typeof checkPairEligibility>) => (r.ok ? [] : r.refusals.map((x) => x.rule));

describe('pair eligibility', () => {
  it('accepts an S2J pair with a higher-grade mentor outside the chain', () => {
    expect(
      checkPairEligibility({
        mentor: makeMentor(),
        mentee: makeMentee(),
        supervisorOf: noSupervisors,
        settings,
      }),
    ).toEqual({ ok: true });
  });

  it('R-INV-1: refuses a mentor mentoring themself', () => {
    const r = checkPairEligibility({
      mentor: makeMentor({ id: 'p' }),
      mentee: makeMentee({ id: 'p' }),
      supervisorOf: noSupervisors,
      settings,
    });
    expect(rules(r)).toEqual(['R-INV-1']);
  });

  it('R-PLAT-1: refuses an S2J pair when the mentor does not hold a higher grade', () => {
    const r = checkPairEligibility({
      mentor: makeMentor({ grade: 'GS-12' }),
      mentee: makeMentee({ grade: 'GS-13' }),
      supervisorOf: noSupervisors,
      settings,
    });
    expect(r).toEqual({
      ok: false,
      refusals: [
        {
          rule: 'R-PLAT-1',
          detail:
            'A Senior-to-Junior mentor must hold a higher grade than the mentee (GS-12 is not higher than GS-13).',
        },
      ],
    });
  });

  it("R-PLAT-1: refuses an S2J pair when the mentor is in the mentee's chain", () => {
    const supervisorOf = (id: string) => ({ 'mentee-1': 'boss', boss: 'mentor-1' })[id] ?? null;
    expect(
      rules(checkPairEligibility({ mentor: makeMentor(), mentee: makeMentee(), supervisorOf, settings })),
    ).toEqual(['R-PLAT-1']);
  });

  it('R-PLAT-1: allows a P2P pair at any grade and in the same chain', () => {
    const supervisorOf = (id: string) => (id === 'mentee-1' ? 'mentor-1' : null);
    const r = checkPairEligibility({
      mentor: makeMentor({ grade: 'GS-9' }),
      mentee: makeMentee({ platform: 'p2p' }),
      supervisorOf,
      settings,
    });
    expect(r).toEqual({ ok: true });
  });

  it('R-PLAT-1: the hard rules alone can be re-checked at confirmation from directory facts', () => {
    const r = checkHardRules({
      mentor: makeEmployee({ id: 'a', grade: 'GS-11' }),
      mentee: makeEmployee({ id: 'b', grade: 'GS-11' }),
      platform: 's2j',
      supervisorOf: noSupervisors,
    });
    expect(r.ok).toBe(false);
  });

  it('R-APP-1: refuses a mentor who does not offer the platform', () => {
    expect(
      rules(
        checkPairEligibility({
          mentor: makeMentor({ platforms: ['p2p'] }),
          mentee: makeMentee(),
          supervisorOf: noSupervisors,
          settings,
        }),
      ),
    ).toEqual(['R-APP-1']);
  });

  it('R-APP-2: refuses a paused or inactive mentor', () => {
    expect(
      rules(
        checkPairEligibility({
          mentor: makeMentor({ paused: true }),
          mentee: makeMentee(),
          supervisorOf: noSupervisors,
          settings,
        }),
      ),
    ).toEqual(['R-APP-2']);
    expect(
      rules(
        checkPairEligibility({
          mentor: makeMentor({ active: false }),
          mentee: makeMentee(),
          supervisorOf: noSupervisors,
          settings,
        }),
      ),
    ).toEqual(['R-APP-2']);
  });

  it('R-APP-1: refuses another OPDIV when the mentor takes only their own', () => {
    const mentor = makeMentor({
      acceptsOtherOpdivs: false,
      employee: makeEmployee({ id: 'mentor-1', grade: 'GS-14', opdiv: 'NIH' }),
    });
    expect(
      rules(checkPairEligibility({ mentor, mentee: makeMentee(), supervisorOf: noSupervisors, settings })),
    ).toEqual(['R-APP-1']);
  });

  it('R-CAP-1: refuses a mentor at capacity', () => {
    expect(
      rules(
        checkPairEligibility({
          mentor: makeMentor({ capacity: 2, liveMenteeCount: 2 }),
          mentee: makeMentee(),
          supervisorOf: noSupervisors,
          settings,
        }),
      ),
    ).toEqual(['R-CAP-1']);
  });

  it('R-CAP-1: caps a mentor capacity at the program maximum', () => {
    const mentor = makeMentor({ capacity: 9, liveMenteeCount: 5 });
    expect(checkCapacity({ mentor, mentee: makeMentee(), settings }).ok).toBe(false);
  });

  it('R-CAP-2: refuses a mentee who already has a live relationship', () => {
    expect(
      rules(
        checkPairEligibility({
          mentor: makeMentor(),
          mentee: makeMentee({ hasLiveRelationship: true }),
          supervisorOf: noSupervisors,
          settings,
        }),
      ),
    ).toEqual(['R-CAP-2']);
  });

  it('R-CAP-3: refuses a 4th open invitation', () => {
    const mentee = makeMentee({ openInvitationCount: 3 });
    expect(
      rules(checkPairEligibility({ mentor: makeMentor(), mentee, supervisorOf: noSupervisors, settings })),
    ).toEqual(['R-CAP-3']);
    expect(checkCapacity({ mentor: makeMentor(), mentee, settings, purpose: 'confirm' }).ok).toBe(true);
  });

  it('R-INV-1: is refused from the two ids alone, before any profile is loaded', () => {
    expect(selfMentoringRefusals('p', 'p').map((r) => r.rule)).toEqual(['R-INV-1']);
    expect(selfMentoringRefusals('p', 'q')).toEqual([]);
  });

  it('R-MATCH-1: refuses a second invitation to a mentor the mentee has an open one with, but not its confirmation', () => {
    const mentee = makeMentee({ invitedMentorIds: ['mentor-1'], openInvitationCount: 1 });
    const input = { mentor: makeMentor(), mentee, supervisorOf: noSupervisors, settings };
    expect(rules(checkPairEligibility(input))).toEqual(['R-MATCH-1']);
    expect(checkPairEligibility({ ...input, purpose: 'confirm' })).toEqual({ ok: true });
  });

  it('R-MATCH-1: refuses inviting or shortlisting a mentor who declined this mentee earlier', () => {
    const mentee = makeMentee({ declinedByMentorIds: ['mentor-1'] });
    const input = { mentor: makeMentor(), mentee, supervisorOf: noSupervisors, settings };
    expect(rules(checkPairEligibility(input))).toEqual(['R-MATCH-1']);
    expect(rules(checkPairEligibility({ ...input, purpose: 'shortlist' }))).toEqual(['R-MATCH-1']);
    expect(
      checkPairEligibility({ ...input, mentee: makeMentee({ declinedByMentorIds: ['mentor-2'] }) }),
    ).toEqual({ ok: true });
  });

  it('R-CAP-3: a shortlist is not an invitation, so a mentee with 3 open invitations can still be shortlisted', () => {
    const mentee = makeMentee({ openInvitationCount: 3 });
    const input = { mentor: makeMentor(), mentee, supervisorOf: noSupervisors, settings };
    expect(checkPairEligibility({ ...input, purpose: 'shortlist' })).toEqual({ ok: true });
  });

  it("R-CAP-1: the mentor's side alone, as a mentor accepting an invitation is checked, uses the effective capacity", () => {
    expect(mentorCapacityRefusals(makeMentor({ capacity: 9, liveMenteeCount: 5 }), settings)).toHaveLength(1);
    expect(mentorCapacityRefusals(makeMentor({ capacity: 9, liveMenteeCount: 4 }), settings)).toEqual([]);
    expect(mentorCapacityRefusals(makeMentor({ capacity: 2, liveMenteeCount: 2 }), settings)).toHaveLength(1);
  });
});
