import { addDays, checkPairEligibility, nextInvitationState } from '@hhs-mentoring/domain';
import type { Db, Tx } from '../../db/client.js';
import { transactionWithRetry } from '../../db/retry.js';
import { invitations } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../../plugins/external/auth.js';
import { audit, type AuditContext } from '../audit.js';
import { liveMenteeCount } from '../capacity.js';
import { currentSettings } from '../settings.js';
import { withConstraints } from './db-errors.js';
import { confirmInvitation } from './invitation-confirm.js';
import { sendInvitationNotices, stepInvitation } from './invitation-steps.js';
import { invitationFor, presentInvitations } from './invitation-view.js';
import { chainsAbove, employeeRows, lookupFrom, type EmployeeRow } from './people.js';
import { activeMenteeApplication, activeMentorApplication, menteeProfileOf, mentorProfileOf } from './profiles.js';

export type InviteInput = { mentorId: string; message: string; alreadyAgreed?: boolean };
const opdivsOf = async (db: Tx, ids: string[]) => [...(await employeeRows(db, ids)).values()].map((e) => e.opdiv);

/**
 * §6 invite. The mentee's application row is locked first (FOR UPDATE), so two requests from one mentee on
 * any number of API processes count open invitations one after the other (R-CAP-3).
 */
export async function createInvitation(db: Db, actor: UserActor, input: InviteInput, ctx: AuditContext, appUrl: string, now = new Date()) {
  if (input.mentorId === actor.employeeId) throw problems.rule('R-INV-1', 'Nobody can mentor themself.', 422);
  const settings = await currentSettings(db);
  let people = new Map<string, EmployeeRow>();
  const row = await withConstraints(() => transactionWithRetry(db, async (tx) => {
    const menteeApp = await activeMenteeApplication(tx, actor.employeeId, true);
    if (!menteeApp) throw problems.rule('R-APP-1', 'Apply as a mentee before inviting a mentor.', 409);
    const mentorApp = await activeMentorApplication(tx, input.mentorId);
    people = await employeeRows(tx, [actor.employeeId, input.mentorId]);
    const mentorEmployee = people.get(input.mentorId);
    if (!mentorApp || !mentorEmployee) throw problems.notFound('That mentor');
    const mentee = await menteeProfileOf(tx, menteeApp, people.get(actor.employeeId)!);
    if (mentee.invitedMentorIds.includes(input.mentorId))
      throw problems.rule('R-MATCH-1', 'You already have an open invitation to this mentor.', 409);
    if (mentee.declinedByMentorIds.includes(input.mentorId))
      throw problems.rule('R-MATCH-1', 'This mentor declined an earlier invitation from you; please choose another mentor.', 409);
    const mentor = mentorProfileOf(mentorApp, mentorEmployee, await liveMenteeCount(tx, input.mentorId));
    const supervisorOf = lookupFrom(await chainsAbove(tx, [actor.employeeId, input.mentorId]));
    const eligible = checkPairEligibility({ mentor, mentee, supervisorOf, settings, purpose: 'invite' });
    if (!eligible.ok) throw problems.refusals(eligible.refusals);
    const t = nextInvitationState(null, { type: 'invite' }, now, { sentAt: now, settings });
    if (!t.ok) throw problems.rule(t.rule, t.detail);
    const [created] = await tx.insert(invitations).values({
      menteeId: actor.employeeId, mentorId: input.mentorId, platform: menteeApp.platform, message: input.message,
      state: t.state, alreadyAgreed: input.alreadyAgreed ?? false, sentAt: now, expiresAt: addDays(now, settings.invitationExpiryDays), updatedAt: now,
    }).returning();
    await sendInvitationNotices(tx, created!, t.effects, appUrl, people);
    await audit(tx, ctx, { action: 'invitation.create', objectType: 'invitation', objectId: created!.id, opdivs: [actor.opdiv, mentorEmployee.opdiv], detail: { mentorId: input.mentorId, alreadyAgreed: created!.alreadyAgreed } });
    return created!;
  }), { invitations_one_open_per_pair_uq: () => problems.rule('R-MATCH-1', 'You already have an open invitation to this mentor.', 409) });
  return (await presentInvitations(db, [row], people))[0]!;
}

type Answer = { type: 'accept' } | { type: 'decline'; reason: 'time_constraints' | 'mentoring_preferences' | 'other'; note?: string };

/** The mentor answers. R-INVT-2: accepting an "already agreed" invitation confirms the pair at once. */
export async function answerInvitation(db: Db, actor: UserActor, id: string, answer: Answer, ctx: AuditContext, appUrl: string, now = new Date()) {
  const current = await invitationFor(db, actor, id);
  if (current.mentorId !== actor.employeeId) throw problems.forbidden('Only the invited mentor can answer this invitation.');
  if (answer.type === 'accept' && current.alreadyAgreed) return confirmInvitation(db, actor, id, ctx, appUrl, now);
  let people = new Map<string, EmployeeRow>();
  const row = await transactionWithRetry(db, async (tx) => {
    const inv = await invitationFor(tx, actor, id, true);
    people = await employeeRows(tx, [inv.menteeId, inv.mentorId]);
    if (answer.type === 'accept') {
      const app = await activeMentorApplication(tx, actor.employeeId);
      const live = await liveMenteeCount(tx, actor.employeeId);
      if (!app) throw problems.rule('R-APP-2', 'You are no longer an active mentor.', 409);
      if (live >= Math.min(app.capacity, (await currentSettings(tx)).maxCapacity))
        throw problems.rule('R-CAP-1', `You already mentor ${live} people, your full capacity. Raise your capacity or decline.`, 409);
    }
    const extra = answer.type === 'decline' ? { declineReason: answer.reason, declineNote: answer.note ?? null } : {};
    const next = await stepInvitation(tx, inv, answer, now, appUrl, extra, people);
    await audit(tx, ctx, { action: `invitation.${answer.type}`, objectType: 'invitation', objectId: id, opdivs: [...people.values()].map((p) => p.opdiv), detail: extra });
    return next;
  });
  return (await presentInvitations(db, [row], people))[0]!;
}

/** The mentee withdraws a pending invitation, or steps back from an accepted one (§6: closed). */
export async function withdrawInvitation(db: Db, actor: UserActor, id: string, ctx: AuditContext, appUrl: string, now = new Date()) {
  const row = await transactionWithRetry(db, async (tx) => {
    const inv = await invitationFor(tx, actor, id, true);
    if (inv.menteeId !== actor.employeeId) throw problems.forbidden('Only the mentee who sent it can withdraw this invitation.');
    const next = await stepInvitation(tx, inv, { type: 'withdraw' }, now, appUrl);
    await audit(tx, ctx, { action: 'invitation.withdraw', objectType: 'invitation', objectId: id, opdivs: await opdivsOf(tx, [inv.menteeId, inv.mentorId]) });
    return next;
  });
  return (await presentInvitations(db, [row]))[0]!;
}
