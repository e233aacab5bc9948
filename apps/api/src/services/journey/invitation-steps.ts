import {
  DAY_MS,
  nextInvitationState,
  type InvitationContext,
  type InvitationEffect,
  type InvitationEvent,
} from '@hhs-mentoring/domain';
import type { Tx } from '../../db/client.js';
import type { Kept } from '../../db/write-batch.js';
import { invitations } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { Notice } from '../platform/notifications.js';
import { ChangeBatch } from '../platform/change-batch.js';
import { employeeRows, fullName, type EmployeeRow } from './people.js';
import type { InvitationRow } from './invitation-view.js';

/** The expiry is fixed when the invitation is sent (the deadline the mentee was told), whatever settings do later. */
export function invitationContext(row: Pick<InvitationRow, 'sentAt' | 'expiresAt'>): InvitationContext {
  const days = Math.round((row.expiresAt.getTime() - row.sentAt.getTime()) / DAY_MS);
  return { sentAt: row.sentAt, settings: { invitationExpiryDays: days } };
}

/** An invitation as it will be after a transition: what its notices are written from. */
type NoticeRow = Pick<
  InvitationRow,
  'id' | 'menteeId' | 'mentorId' | 'state' | 'expiresAt' | 'declineReason'
>;

/**
 * R-LIFE-8: every invitation transition goes through the domain state machine; an illegal one is a 409 naming
 * the rule. Adds the new state and the notices its effects call for (R-INVT-1) to the caller's write batch and
 * returns the part whose row the batch's result gives back (`result.one(part)`). `people` are the pair
 * if the caller has read them; otherwise they are read here when a notice needs them.
 */
export async function planInvitationStep(
  tx: Tx,
  batch: ChangeBatch,
  row: InvitationRow,
  event: InvitationEvent,
  now: Date,
  appUrl: string,
  extra: Partial<typeof invitations.$inferInsert> = {},
  people?: Map<string, EmployeeRow>,
): Promise<Kept<typeof invitations>> {
  const t = nextInvitationState(row.state, event, now, invitationContext(row));
  if (!t.ok) throw problems.rule(t.rule, t.detail, 409);
  const answered = event.type === 'accept' || event.type === 'decline';
  const ends = t.state !== 'pending' && t.state !== 'accepted';
  const name = batch.update(
    invitations,
    row.id,
    {
      state: t.state,
      ...(answered ? { answeredAt: now } : {}),
      ...(ends ? { closedAt: now } : {}),
      ...extra,
      updatedAt: now,
    },
    { bumpVersion: true, keep: true },
  );
  if (t.effects.length > 0) {
    const pair =
      people?.has(row.menteeId) && people.has(row.mentorId)
        ? people
        : await employeeRows(tx, [row.menteeId, row.mentorId]);
    const next = {
      ...row,
      state: t.state,
      declineReason: (extra.declineReason ?? row.declineReason) as InvitationRow['declineReason'],
    };
    for (const notice of invitationNotices(next, t.effects, pair)) batch.notice(notice, appUrl);
  }
  return name;
}

/** One transition on its own: its update and notices in one statement. */
export async function stepInvitation(
  tx: Tx,
  row: InvitationRow,
  event: InvitationEvent,
  now: Date,
  appUrl: string,
  extra: Partial<typeof invitations.$inferInsert> = {},
  people?: Map<string, EmployeeRow>,
): Promise<InvitationRow> {
  const batch = new ChangeBatch(tx);
  const updated = await planInvitationStep(tx, batch, row, event, now, appUrl, extra, people);
  return (await batch.run()).one(updated);
}

const DECLINE_REASONS = {
  time_constraints: 'time constraints',
  mentoring_preferences: 'mentoring preferences',
  other: 'another reason',
};

/** The notices an invitation's transition calls for (R-INVT-1), written from the invitation as it now is. */
export function invitationNotices(
  row: NoticeRow,
  effects: InvitationEffect[],
  people: Map<string, EmployeeRow>,
): Notice[] {
  const mentee = fullName(people.get(row.menteeId)!);
  const mentor = fullName(people.get(row.mentorId)!);
  const link = `/invitations/${row.id}`;
  const data = { invitationId: row.id };
  const notices: Notice[] = [];
  for (const effect of effects) {
    if (effect === 'notify_mentor_invited')
      notices.push({
        to: row.mentorId,
        kind: 'invitation.received',
        title: `${mentee} invited you to be their mentor`,
        body: `${mentee} would like you to be their mentor. Read their message and accept or decline the invitation by ${row.expiresAt.toISOString().slice(0, 10)}.`,
        link,
        data,
      });
    if (effect === 'notify_mentee_accepted')
      notices.push({
        to: row.menteeId,
        kind: 'invitation.accepted',
        title: `${mentor} accepted your invitation`,
        body: `${mentor} accepted your invitation. You can now see their contact details and arrange a first conversation; confirm the match when you are both ready.`,
        link,
        data,
      });
    if (effect === 'notify_mentee_declined')
      notices.push({
        to: row.menteeId,
        kind: 'invitation.declined',
        title: `${mentor} declined your invitation`,
        body: `${mentor} declined your invitation (${DECLINE_REASONS[row.declineReason ?? 'other']}). Please do not contact them about it; look at your other suggestions.`,
        link,
        data,
      });
    if (effect === 'notify_mentee_expired')
      notices.push({
        to: row.menteeId,
        kind: 'invitation.expired',
        title: `Your invitation to ${mentor} expired`,
        body: `${mentor} did not answer your invitation in time, so it has expired. You can invite another mentor.`,
        link,
        data,
      });
    if (effect === 'notify_mentor_withdrawn')
      notices.push({
        to: row.mentorId,
        kind: row.state === 'closed' ? 'invitation.closed' : 'invitation.withdrawn',
        title: `${mentee}'s invitation is closed`,
        body: `${mentee} withdrew the invitation or chose another mentor. Nothing more is needed from you.`,
        link,
        data,
      });
  }
  return notices;
}
