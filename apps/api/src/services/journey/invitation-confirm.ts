import { and, eq, inArray, ne } from 'drizzle-orm';
import { checkPairEligibility, eventWhenMenteeConfirmedElsewhere, newRelationship } from '@hhs-mentoring/domain';
import type { Db, Tx } from '../../db/client.js';
import { transactionWithRetry } from '../../db/retry.js';
import { invitations, relationshipEvents, relationships } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../../plugins/external/auth.js';
import { audit, type AuditContext } from '../audit.js';
import { liveMenteeCount } from '../capacity.js';
import { notify } from '../notifications.js';
import { currentSettings } from '../settings.js';
import { withConstraints } from './db-errors.js';
import { stepInvitation } from './invitation-steps.js';
import { invitationFor, presentInvitations, type InvitationRow } from './invitation-view.js';
import { chainsAbove, employeeRows, fullName, lookupFrom, type EmployeeRow } from './people.js';
import { activeMenteeApplication, activeMentorApplication, menteeProfileOf, mentorProfileOf, OPEN_STATES } from './profiles.js';

/**
 * §6 confirmation, in one transaction. Locks, always in this order so concurrent requests cannot deadlock:
 * the invitation row, the mentee's application row, the mentor's application row. With the mentor's row held,
 * the live count cannot change under us, so two API processes cannot both take a mentor's last place (R-CAP-1);
 * the partial unique index on live relationships per mentee backs R-CAP-2. R-PLAT-1 is re-checked against the
 * directory as it is now.
 */
export async function confirmInvitation(db: Db, actor: UserActor, id: string, ctx: AuditContext, appUrl: string, now = new Date()) {
  let people = new Map<string, EmployeeRow>();
  const row = await withConstraints(() => transactionWithRetry(db, async (tx) => {
    let inv = await invitationFor(tx, actor, id, true);
    const byMentor = inv.mentorId === actor.employeeId;
    if (!(inv.menteeId === actor.employeeId || (byMentor && inv.alreadyAgreed)))
      throw problems.forbidden('Only the mentee confirms a match (or the mentor accepting an already-agreed invitation).');
    const menteeApp = await activeMenteeApplication(tx, inv.menteeId, true);
    if (!menteeApp) throw problems.rule('R-APP-1', 'The mentee application has been withdrawn.', 409);
    const mentorApp = await activeMentorApplication(tx, inv.mentorId, true);
    people = await employeeRows(tx, [inv.menteeId, inv.mentorId]);
    if (!mentorApp || !people.get(inv.mentorId)?.active) throw problems.rule('R-APP-2', 'This mentor is no longer an active mentor.', 409);
    const settings = await currentSettings(tx);
    const mentor = mentorProfileOf(mentorApp, people.get(inv.mentorId)!, await liveMenteeCount(tx, inv.mentorId));
    const mentee = await menteeProfileOf(tx, menteeApp, people.get(inv.menteeId)!);
    const supervisorOf = lookupFrom(await chainsAbove(tx, [inv.menteeId, inv.mentorId]));
    const eligible = checkPairEligibility({ mentor, mentee, supervisorOf, settings, platform: inv.platform, purpose: 'confirm' });
    if (!eligible.ok) throw problems.refusals(sortCapacityFirst(eligible.refusals));
    // R-INVT-2: the mentor's acceptance of an already-agreed invitation is the confirmation.
    if (byMentor && inv.state === 'pending') inv = await stepInvitation(tx, inv, { type: 'accept' }, now, appUrl, {}, people);
    const relationshipId = await createRelationship(tx, inv, now, actor.employeeId);
    const confirmed = await stepInvitation(tx, inv, { type: 'confirm' }, now, appUrl, { relationshipId });
    await closeOtherInvitations(tx, inv, now, appUrl);
    const menteeName = fullName(people.get(inv.menteeId)!);
    const mentorName = fullName(people.get(inv.mentorId)!);
    const link = `/relationships/${relationshipId}`;
    await notify(tx, { to: inv.mentorId, kind: 'invitation.confirmed', title: `You are now ${menteeName}'s mentor`, body: `${menteeName} confirmed the match. Your mentoring year starts today: attend orientation, then complete the mentoring agreement and the IDP within a month.`, link }, appUrl);
    await notify(tx, { to: inv.menteeId, kind: 'invitation.confirmed', title: `${mentorName} is now your mentor`, body: `Your match with ${mentorName} is confirmed. Record your orientation, then complete the mentoring agreement and the IDP within a month.`, link }, appUrl);
    await audit(tx, ctx, { action: 'invitation.confirm', objectType: 'invitation', objectId: id, opdivs: [...people.values()].map((p) => p.opdiv), detail: { relationshipId } });
    return confirmed;
  }), {
    relationships_one_live_per_mentee_uq: () => problems.rule('R-CAP-2', 'A mentee may have only one mentoring relationship at a time.', 409),
  });
  return (await presentInvitations(db, [row], people))[0]!;
}

/** Capacity refusals first: under contention they are the ones that tell people what happened. */
function sortCapacityFirst<T extends { rule: string }>(refusals: T[]): T[] {
  return [...refusals].sort((a, b) => Number(!a.rule.startsWith('R-CAP')) - Number(!b.rule.startsWith('R-CAP')));
}

async function createRelationship(tx: Tx, inv: InvitationRow, now: Date, actorId: string): Promise<string> {
  const rel = newRelationship(now);
  const [created] = await tx.insert(relationships).values({
    menteeId: inv.menteeId, mentorId: inv.mentorId, platform: inv.platform, state: rel.state, confirmedAt: now, updatedAt: now,
  }).returning({ id: relationships.id });
  await tx.insert(relationshipEvents).values({ relationshipId: created!.id, event: 'confirm', fromState: null, toState: rel.state, actorId, at: now });
  return created!.id;
}

/** §6: confirming one mentor ends the mentee's other open invitations (pending → withdrawn, accepted → closed). */
async function closeOtherInvitations(tx: Tx, inv: InvitationRow, now: Date, appUrl: string) {
  const others = await tx.select().from(invitations)
    .where(and(eq(invitations.menteeId, inv.menteeId), ne(invitations.id, inv.id), inArray(invitations.state, [...OPEN_STATES])))
    .for('update');
  for (const other of others) {
    const event = eventWhenMenteeConfirmedElsewhere(other.state);
    if (event) await stepInvitation(tx, other, event, now, appUrl);
  }
}
