import { eq, sql } from 'drizzle-orm';
import {
  DAY_MS, nextInvitationState, type InvitationContext, type InvitationEffect, type InvitationEvent,
} from '@hhs-mentoring/domain';
import type { Tx } from '../../db/client.js';
import { invitations } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import { notify } from '../notifications.js';
import { employeeRows, fullName, type EmployeeRow } from './people.js';
import type { InvitationRow } from './invitation-view.js';

/** The expiry is fixed when the invitation is sent (the deadline the mentee was told), whatever settings do later. */
export function invitationContext(row: Pick<InvitationRow, 'sentAt' | 'expiresAt'>): InvitationContext {
  const days = Math.round((row.expiresAt.getTime() - row.sentAt.getTime()) / DAY_MS);
  return { sentAt: row.sentAt, settings: { invitationExpiryDays: days } };
}

/**
 * R-LIFE-8: every invitation transition goes through the domain state machine; an illegal one is a 409 naming
 * the rule. Persists the new state and sends the notices its effects call for (R-INVT-1).
 */
export async function stepInvitation(
  tx: Tx, row: InvitationRow, event: InvitationEvent, now: Date, appUrl: string,
  extra: Partial<typeof invitations.$inferInsert> = {}, people?: Map<string, EmployeeRow>,
): Promise<InvitationRow> {
  const t = nextInvitationState(row.state, event, now, invitationContext(row));
  if (!t.ok) throw problems.rule(t.rule, t.detail, 409);
  const answered = event.type === 'accept' || event.type === 'decline';
  const ends = t.state !== 'pending' && t.state !== 'accepted';
  const [next] = await tx
    .update(invitations)
    .set({
      state: t.state,
      ...(answered ? { answeredAt: now } : {}),
      ...(ends ? { closedAt: now } : {}),
      ...extra,
      updatedAt: now,
      version: sql`${invitations.version} + 1`,
    })
    .where(eq(invitations.id, row.id))
    .returning();
  await sendInvitationNotices(tx, next!, t.effects, appUrl, people);
  return next!;
}

const DECLINE_REASONS = { time_constraints: 'time constraints', mentoring_preferences: 'mentoring preferences', other: 'another reason' };

/** The notices an invitation's transition calls for; `known` are the pair's people if the caller has read them. */
export async function sendInvitationNotices(tx: Tx, row: InvitationRow, effects: InvitationEffect[], appUrl: string, known?: Map<string, EmployeeRow>) {
  if (effects.length === 0) return; // e.g. confirm: the caller writes its own notices; skip reading the pair
  const people = known?.has(row.menteeId) && known.has(row.mentorId) ? known : await employeeRows(tx, [row.menteeId, row.mentorId]);
  const mentee = fullName(people.get(row.menteeId)!);
  const mentor = fullName(people.get(row.mentorId)!);
  const link = `/invitations/${row.id}`;
  const data = { invitationId: row.id };
  for (const effect of effects) {
    if (effect === 'notify_mentor_invited')
      await notify(tx, { to: row.mentorId, kind: 'invitation.received', title: `${mentee} invited you to be their mentor`, body: `${mentee} would like you to be their mentor. Read their message and accept or decline the invitation by ${row.expiresAt.toISOString().slice(0, 10)}.`, link, data }, appUrl);
    if (effect === 'notify_mentee_accepted')
      await notify(tx, { to: row.menteeId, kind: 'invitation.accepted', title: `${mentor} accepted your invitation`, body: `${mentor} accepted your invitation. You can now see their contact details and arrange a first conversation; confirm the match when you are both ready.`, link, data }, appUrl);
    if (effect === 'notify_mentee_declined')
      await notify(tx, { to: row.menteeId, kind: 'invitation.declined', title: `${mentor} declined your invitation`, body: `${mentor} declined your invitation (${DECLINE_REASONS[row.declineReason ?? 'other']}). Please do not contact them about it; look at your other suggestions.`, link, data }, appUrl);
    if (effect === 'notify_mentee_expired')
      await notify(tx, { to: row.menteeId, kind: 'invitation.expired', title: `Your invitation to ${mentor} expired`, body: `${mentor} did not answer your invitation in time, so it has expired. You can invite another mentor.`, link, data }, appUrl);
    if (effect === 'notify_mentor_withdrawn')
      await notify(tx, { to: row.mentorId, kind: row.state === 'closed' ? 'invitation.closed' : 'invitation.withdrawn', title: `${mentee}'s invitation is closed`, body: `${mentee} withdrew the invitation or chose another mentor. Nothing more is needed from you.`, link, data }, appUrl);
  }
}
