import { aboutTheMentee } from '@hhs-mentoring/domain';
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { cohortProposalPairs, competencies, menteeApplications } from '../../db/schema/index.js';
import type { UserActor } from '../accounts/actors.js';
import type { InvitationContext } from '../../schemas/invitation-context.js';
import { invitationFor } from './invitation-view.js';
import { employeeRows, fullName, gradeOf } from './people.js';

/** The mentee's application behind an invitation, for whoever may read the invitation (R-SEC-3). */
export async function invitationContext(db: Tx, actor: UserActor, id: string): Promise<InvitationContext> {
  const invitation = await invitationFor(db, actor, id);
  const [[app], [pair]] = await Promise.all([
    db.select().from(menteeApplications).where(eq(menteeApplications.employeeId, invitation.menteeId)),
    db.select().from(cohortProposalPairs).where(eq(cohortProposalPairs.invitationId, invitation.id)),
  ]);
  const people = await employeeRows(db, [invitation.menteeId, ...(pair?.decidedBy ? [pair.decidedBy] : [])]);
  const mentee = people.get(invitation.menteeId)!;
  const needs = app?.developmentalNeeds ?? [];
  const names = needs.length
    ? new Map(
        (await db.select().from(competencies).where(inArray(competencies.code, needs))).map((c) => [
          c.code,
          c.name,
        ]),
      )
    : new Map<string, string>();
  const approver = pair?.decidedBy ? people.get(pair.decidedBy) : undefined;
  return {
    mentee: {
      name: fullName(mentee),
      opdiv: mentee.opdiv,
      grade: gradeOf(mentee).label,
      occupationTitle: mentee.occupationTitle,
      city: mentee.city,
      state: mentee.state,
      timeZone: mentee.timeZone,
      bio: app?.bio ?? '',
      developmentalNeeds: needs.map((code) => ({ code, name: names.get(code) ?? code })),
      shortTermGoals: app?.shortTermGoals ?? '',
      longTermGoals: app?.longTermGoals ?? '',
      platform: app?.platform ?? invitation.platform,
      locationPreference: app?.locationPreference ?? 'no_preference',
      communicationMethods: (app?.communicationMethods ??
        []) as InvitationContext['mentee']['communicationMethods'],
    },
    cohort: pair
      ? {
          proposedAt: (pair.decidedAt ?? invitation.sentAt).toISOString(),
          approvedBy: approver ? fullName(approver) : null,
          score: pair.score,
          // The solver's reasons speak to the mentee; the mentor reads them about the mentee.
          reasons: pair.reasons.map(aboutTheMentee),
        }
      : null,
  };
}
