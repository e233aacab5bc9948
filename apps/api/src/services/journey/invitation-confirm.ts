import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  checkPairEligibility,
  eventWhenMenteeConfirmedElsewhere,
  newRelationship,
} from '@hhs-mentoring/domain';
import { preparedRows, preparedSql, useGenericPlans, type Db, type Tx } from '../../db/client.js';
import { rowFromJson } from '../../db/json-rows.js';
import { transactionWithRetry } from '../../db/retry.js';
import {
  invitations,
  menteeApplications,
  mentorApplications,
  relationshipEvents,
  relationships,
} from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import type { AuditContext } from '../platform/audit.js';
import { ChangeBatch } from '../platform/change-batch.js';
import { withConstraints } from './db-errors.js';
import { planInvitationStep, stepInvitation } from './invitation-steps.js';
import { invitationFor, presentInvitations, type InvitationRow } from './invitation-view.js';
import { readInvitationPairContext } from './pair-context.js';
import { fullName, type EmployeeRow } from './people.js';
import { menteeProfileFrom, mentorProfileOf, type MenteeRow, type MentorRow } from './profiles.js';

/**
 * §6 confirmation, in one transaction. Locks, always in this order so concurrent requests cannot deadlock:
 * the invitation row, the mentee's application row, the mentor's application row. With the mentor's row held,
 * the live count cannot change under us, so two API processes cannot both take a mentor's last place (R-CAP-1);
 * the partial unique index on live relationships per mentee backs R-CAP-2. R-PLAT-1 is re-checked against the
 * directory as it is now. Three round trips (decision 0505): BEGIN with the locks and the pair's context (which
 * locks the mentee's other open invitations); every write in one statement; COMMIT.
 */
export async function confirmInvitation(
  db: Db,
  actor: UserActor,
  id: string,
  ctx: AuditContext,
  appUrl: string,
  now = new Date(),
) {
  let people = new Map<string, EmployeeRow>();
  const row = await withConstraints(
    () =>
      transactionWithRetry(db, async (tx) => {
        useGenericPlans(tx);
        // The three statements go out together (pipelined) and PostgreSQL runs them in this order: the context's counts
        // are read once both locks are held.
        const [locked, apps, pair] = await Promise.all([
          invitationFor(tx, actor, id, true),
          lockApplications(tx, id),
          readInvitationPairContext(tx, id, 'confirm'),
        ]);
        let inv = locked;
        const byMentor = inv.mentorId === actor.employeeId;
        if (!(inv.menteeId === actor.employeeId || (byMentor && inv.alreadyAgreed)))
          throw problems.forbidden(
            'Only the mentee confirms a match (or the mentor accepting an already-agreed invitation).',
          );
        if (!apps.mentee) throw problems.rule('R-APP-1', 'The mentee application has been withdrawn.', 409);
        people = pair.people;
        if (!apps.mentor || !people.get(inv.mentorId)?.active)
          throw problems.rule('R-APP-2', 'This mentor is no longer an active mentor.', 409);
        const mentor = mentorProfileOf(apps.mentor, people.get(inv.mentorId)!, pair.mentorLive);
        const mentee = menteeProfileFrom(apps.mentee, people.get(inv.menteeId)!, pair.activity);
        const eligible = checkPairEligibility({
          mentor,
          mentee,
          supervisorOf: pair.supervisorOf,
          settings: pair.settings,
          platform: inv.platform,
          purpose: 'confirm',
        });
        if (!eligible.ok) throw problems.refusals(sortCapacityFirst(eligible.refusals));
        // R-INVT-2: the mentor's acceptance of an already-agreed invitation is the confirmation (two steps of one row:
        // the acceptance is written first, on its own).
        if (byMentor && inv.state === 'pending')
          inv = await stepInvitation(tx, inv, { type: 'accept' }, now, appUrl, {}, people);
        const batch = new ChangeBatch(tx);
        const relationshipId = planRelationship(batch, inv, now, actor.employeeId);
        const confirmed = await planInvitationStep(
          tx,
          batch,
          inv,
          { type: 'confirm' },
          now,
          appUrl,
          { relationshipId },
          people,
        );
        // §6: confirming one mentor ends the mentee's other open invitations (pending → withdrawn, accepted → closed).
        for (const other of pair.others) {
          const event = eventWhenMenteeConfirmedElsewhere(other.state);
          if (event)
            await planInvitationStep(
              tx,
              batch,
              other,
              event,
              now,
              appUrl,
              {},
              other.mentorId === inv.mentorId ? people : undefined,
            );
        }
        const menteeName = fullName(people.get(inv.menteeId)!);
        const mentorName = fullName(people.get(inv.mentorId)!);
        const link = `/relationships/${relationshipId}`;
        batch.notice(
          {
            to: inv.mentorId,
            kind: 'invitation.confirmed',
            title: `You are now ${menteeName}'s mentor`,
            body: `${menteeName} confirmed the match. Your mentoring year starts today: attend orientation, then complete the mentoring agreement and the IDP within a month.`,
            link,
          },
          appUrl,
        );
        batch.notice(
          {
            to: inv.menteeId,
            kind: 'invitation.confirmed',
            title: `${mentorName} is now your mentor`,
            body: `Your match with ${mentorName} is confirmed. Record your orientation, then complete the mentoring agreement and the IDP within a month.`,
            link,
          },
          appUrl,
        );
        batch.audit(ctx, {
          action: 'invitation.confirm',
          objectType: 'invitation',
          objectId: id,
          opdivs: [...people.values()].map((p) => p.opdiv),
          detail: { relationshipId },
        });
        return (await batch.runAsLast()).one(confirmed);
      }),
    {
      relationships_one_live_per_mentee_uq: () =>
        problems.rule('R-CAP-2', 'A mentee may have only one mentoring relationship at a time.', 409),
    },
  );
  return (await presentInvitations(db, [row], people))[0]!;
}

/** Capacity refusals first: under contention they are the ones that tell people what happened. */
function sortCapacityFirst<T extends { rule: string }>(refusals: T[]): T[] {
  return [...refusals].sort(
    (a, b) => Number(!a.rule.startsWith('R-CAP')) - Number(!b.rule.startsWith('R-CAP')),
  );
}

const LOCK_INVITATION_APPLICATIONS = preparedSql(
  'lock_invitation_applications',
  () => sql`
    with pair as (select mentee_id, mentor_id from ${invitations} where id = ${sql.placeholder('invitationId')}),
    mentee as (select * from ${menteeApplications} where employee_id = (select mentee_id from pair) and withdrawn_at is null for update),
    mentor as (select * from ${mentorApplications} where employee_id = (select mentor_id from pair) and withdrawn_at is null for update)
    select (select to_json(mentee) from mentee) as mentee, (select to_json(mentor) from mentor) as mentor`,
);

/**
 * Locks the invitation's mentee's then mentor's active application (FOR UPDATE) in one statement: the CTEs run in the order
 * the select list reads them, the mentee's first, as every other path that takes both does.
 */
async function lockApplications(
  tx: Tx,
  invitationId: string,
): Promise<{ mentee?: MenteeRow; mentor?: MentorRow }> {
  const [row] = await preparedRows<{
    mentee: Record<string, unknown> | null;
    mentor: Record<string, unknown> | null;
  }>(tx, LOCK_INVITATION_APPLICATIONS, { invitationId });
  return {
    mentee: row?.mentee ? rowFromJson(menteeApplications, row.mentee) : undefined,
    mentor: row?.mentor ? rowFromJson(mentorApplications, row.mentor) : undefined,
  };
}

/** The relationship and its first event, with an id chosen here so the other parts of the batch can name it. */
function planRelationship(batch: ChangeBatch, inv: InvitationRow, now: Date, actorId: string): string {
  const rel = newRelationship(now);
  const id = randomUUID();
  batch.insert(relationships, {
    id,
    menteeId: inv.menteeId,
    mentorId: inv.mentorId,
    platform: inv.platform,
    state: rel.state,
    confirmedAt: now,
    updatedAt: now,
  });
  batch.insert(relationshipEvents, {
    relationshipId: id,
    event: 'confirm',
    fromState: null,
    toState: rel.state,
    actorId,
    at: now,
  });
  return id;
}
