import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './clock.js';
import {
  alreadyAgreedInvitation,
  eventWhenMenteeConfirmedElsewhere,
  INVITATION_STATES,
  isOpen,
  nextInvitationState,
  type InvitationEvent,
  type InvitationState,
} from './invitation.state-machine.js';
import { DEFAULT_SETTINGS } from './settings.js';

const sentAt = new Date('2025-01-10T12:00:00Z');
const ctx = { sentAt, settings: DEFAULT_SETTINGS };
const day = (n: number) => addDays(sentAt, n);

describe('invitation state machine (§6)', () => {
  it('R-INVT-1: an invitation starts pending and notifies the mentor', () => {
    expect(nextInvitationState(null, { type: 'invite' }, sentAt, ctx)).toEqual({
      ok: true,
      state: 'pending',
      effects: ['notify_mentor_invited'],
    });
  });

  it('R-MATCH-5: accepting notifies the mentee and reveals the mentor contact details', () => {
    const r = nextInvitationState('pending', { type: 'accept' }, day(1), ctx);
    expect(r).toEqual({
      ok: true,
      state: 'accepted',
      effects: ['notify_mentee_accepted', 'reveal_mentor_contact'],
    });
  });

  it('R-INVT-1: declining with a reason notifies the mentee', () => {
    expect(
      nextInvitationState('pending', { type: 'decline', reason: 'time_constraints' }, day(2), ctx),
    ).toMatchObject({ ok: true, state: 'declined' });
  });

  it('expires only once the program-set number of days has passed', () => {
    expect(nextInvitationState('pending', { type: 'expire' }, day(13), ctx).ok).toBe(false);
    expect(nextInvitationState('pending', { type: 'expire' }, day(14), ctx)).toMatchObject({
      ok: true,
      state: 'expired',
    });
    expect(nextInvitationState('pending', { type: 'accept' }, day(15), ctx)).toMatchObject({
      ok: false,
      rule: 'R-LIFE-8',
    });
  });

  it('confirms only an accepted invitation; closes the others', () => {
    expect(nextInvitationState('pending', { type: 'confirm' }, day(1), ctx)).toMatchObject({
      ok: false,
      rule: 'R-LIFE-8',
    });
    expect(nextInvitationState('accepted', { type: 'confirm' }, day(20), ctx)).toMatchObject({
      ok: true,
      state: 'confirmed',
      effects: ['create_relationship'],
    });
    expect(eventWhenMenteeConfirmedElsewhere('pending')).toEqual({ type: 'withdraw' });
    expect(eventWhenMenteeConfirmedElsewhere('accepted')).toEqual({ type: 'close' });
    expect(eventWhenMenteeConfirmedElsewhere('declined')).toBeNull();
  });

  it('R-CAP-3: pending and accepted invitations are open', () => {
    expect(INVITATION_STATES.filter(isOpen)).toEqual(['pending', 'accepted']);
  });

  it('R-INVT-2: an already-agreed invitation is confirmed at once', () => {
    const r = alreadyAgreedInvitation(sentAt, ctx);
    expect(r).toMatchObject({ ok: true, state: 'confirmed' });
    expect(r.ok && r.effects).toContain('create_relationship');
  });

  it('R-LIFE-8: no event sequence reaches an undefined state', () => {
    const event: fc.Arbitrary<InvitationEvent> = fc.oneof(
      fc.constantFrom<InvitationEvent>(
        { type: 'invite' },
        { type: 'accept' },
        { type: 'withdraw' },
        { type: 'expire' },
        { type: 'confirm' },
        { type: 'close' },
      ),
      fc.record({
        type: fc.constant('decline' as const),
        reason: fc.constantFrom(
          'time_constraints' as const,
          'mentoring_preferences' as const,
          'other' as const,
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(event, fc.integer({ min: 0, max: 30 }))), (steps) => {
        let state: InvitationState | null = null;
        for (const [e, d] of steps) {
          const r = nextInvitationState(state, e, day(d), ctx);
          if (r.ok) state = r.state;
          else expect(r.detail.length).toBeGreaterThan(0);
          if (state !== null) expect(INVITATION_STATES).toContain(state);
        }
      }),
    );
  });
});
