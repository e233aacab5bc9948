import { addDays } from './clock.js';
import type { ProgramSettings } from './settings.js';

/** §6 invitation states. Open = pending, or accepted and not yet confirmed (R-CAP-3). */
export type InvitationState =
  'pending' | 'accepted' | 'declined' | 'withdrawn' | 'expired' | 'confirmed' | 'closed';
export const INVITATION_STATES: readonly InvitationState[] = [
  'pending',
  'accepted',
  'declined',
  'withdrawn',
  'expired',
  'confirmed',
  'closed',
];

export type DeclineReason = 'time_constraints' | 'mentoring_preferences' | 'other';

export type InvitationEvent =
  | { type: 'invite' }
  | { type: 'accept' }
  | { type: 'decline'; reason: DeclineReason; note?: string }
  | { type: 'withdraw' }
  | { type: 'expire' }
  | { type: 'confirm' }
  | { type: 'close' };

/** What the API does after persisting a transition (R-INVT-1 notifications, R-MATCH-5 contact details). */
export type InvitationEffect =
  | 'notify_mentor_invited'
  | 'notify_mentee_accepted'
  | 'notify_mentee_declined'
  | 'notify_mentee_expired'
  | 'notify_mentor_withdrawn'
  | 'reveal_mentor_contact'
  | 'create_relationship';

export interface InvitationContext {
  sentAt: Date;
  settings: Pick<ProgramSettings, 'invitationExpiryDays'>;
}

export type InvitationTransition =
  | { ok: true; state: InvitationState; effects: InvitationEffect[] }
  | { ok: false; rule: string; detail: string };

/** R-CAP-3 open invitations: the one home of this set (the API's SQL lists and the migrations' indexes follow it). */
export const OPEN_INVITATION_STATES = ['pending', 'accepted'] as const satisfies readonly InvitationState[];

export function isOpen(state: InvitationState): boolean {
  return (OPEN_INVITATION_STATES as readonly InvitationState[]).includes(state);
}

export function invitationDueAt(ctx: InvitationContext): Date {
  return addDays(ctx.sentAt, ctx.settings.invitationExpiryDays);
}

const ok = (state: InvitationState, ...effects: InvitationEffect[]): InvitationTransition => ({
  ok: true,
  state,
  effects,
});

function illegal(state: InvitationState | null, event: InvitationEvent): InvitationTransition {
  const from = state === null ? 'a new invitation' : `an invitation that is ${state}`;
  return { ok: false, rule: 'R-LIFE-8', detail: `Cannot ${event.type} ${from}.` };
}

/** `state` is null before the invitation exists; 'invite' creates it. */
export function nextInvitationState(
  state: InvitationState | null,
  event: InvitationEvent,
  clock: Date,
  ctx: InvitationContext,
): InvitationTransition {
  const due = invitationDueAt(ctx);
  const lapsed = clock.getTime() >= due.getTime();
  switch (state === null ? 'new' : state) {
    case 'new':
      return event.type === 'invite' ? ok('pending', 'notify_mentor_invited') : illegal(state, event);
    case 'pending':
      if (event.type === 'expire') {
        return lapsed
          ? ok('expired', 'notify_mentee_expired')
          : {
              ok: false,
              rule: 'R-LIFE-8',
              detail: `The invitation is not due to expire until ${due.toISOString().slice(0, 10)}.`,
            };
      }
      if ((event.type === 'accept' || event.type === 'decline') && lapsed) {
        return {
          ok: false,
          rule: 'R-LIFE-8',
          detail: `The invitation expired on ${due.toISOString().slice(0, 10)}.`,
        };
      }
      if (event.type === 'accept') return ok('accepted', 'notify_mentee_accepted', 'reveal_mentor_contact');
      if (event.type === 'decline') return ok('declined', 'notify_mentee_declined');
      if (event.type === 'withdraw') return ok('withdrawn', 'notify_mentor_withdrawn');
      return illegal(state, event);
    case 'accepted':
      if (event.type === 'confirm') return ok('confirmed', 'create_relationship');
      if (event.type === 'close' || event.type === 'withdraw') return ok('closed', 'notify_mentor_withdrawn');
      return illegal(state, event);
    default:
      return illegal(state, event);
  }
}

/** When the mentee confirms another mentor, each of their other open invitations ends with this event. */
export function eventWhenMenteeConfirmedElsewhere(state: InvitationState): InvitationEvent | null {
  if (state === 'pending') return { type: 'withdraw' };
  if (state === 'accepted') return { type: 'close' };
  return null;
}

/**
 * R-INVT-2 "already agreed": the mentee asks, the mentor accepts, and the pair is confirmed at once.
 * Runs invite → accept → confirm and returns the final state with every effect in order.
 */
export function alreadyAgreedInvitation(clock: Date, ctx: InvitationContext): InvitationTransition {
  let state: InvitationState | null = null;
  const effects: InvitationEffect[] = [];
  for (const event of [{ type: 'invite' }, { type: 'accept' }, { type: 'confirm' }] as const) {
    const step = nextInvitationState(state, event, clock, ctx);
    if (!step.ok) return step;
    state = step.state;
    effects.push(...step.effects);
  }
  return ok('confirmed', ...effects);
}
