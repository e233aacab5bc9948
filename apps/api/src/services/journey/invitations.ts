import { randomUUID } from 'node:crypto';
import {
  addDays,
  checkPairEligibility,
  mentorCapacityRefusals,
  nextInvitationState,
  selfMentoringRefusals,
} from '@hhs-mentoring/domain';
import { useGenericPlans, type Db, type Tx } from '../../db/client.js';
import { transactionWithRetry } from '../../db/retry.js';
import { invitations } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { audit, type AuditContext } from '../platform/audit.js';
import { ChangeBatch } from '../platform/change-batch.js';
import { withConstraints } from './db-errors.js';
import { confirmInvitation } from './invitation-confirm.js';
import { invitationNotices, planInvitationStep, stepInvitation } from './invitation-steps.js';
import { invitationFor, presentInvitations } from './invitation-view.js';
import { readInvitationPairContext, readPairContext } from './pair-context.js';
import { employeeRows, type EmployeeRow } from './people.js';
import { activeMenteeApplication, menteeProfileFrom, mentorProfileOf } from './profiles.js';

export type InviteInput = { mentorId: string; message: string; alreadyAgreed?: boolean };
const opdivsOf = async (db: Tx, ids: string[]) =>
  [...(await employeeRows(db, ids)).values()].map((e) => e.opdiv);

/**
 * §6 invite. The mentee's application row is locked first (FOR UPDATE), so two requests from one mentee on
 * any number of API processes count open invitations one after the other (R-CAP-3). Three round trips
 * (decision 0505): BEGIN, the lock and the pair's context; the writes (invitation, notice, audit); COMMIT.
 */
export async function createInvitation(
  db: Db,
  actor: UserActor,
  input: InviteInput,
  ctx: AuditContext,
  appUrl: string,
  now = new Date(),
) {
  refuseSelf(actor, input);
  const people = { value: new Map<string, EmployeeRow>() };
  const row = await withOpenInvitationConstraint(() =>
    transactionWithRetry(db, async (tx) => {
      useGenericPlans(tx);
      return invite(tx, actor, input, ctx, appUrl, now, people);
    }),
  );
  return (await presentInvitations(db, [row], people.value))[0]!;
}

/**
 * The same invitation inside the caller's transaction (cohort approval, decision 0501): in a savepoint, so a refused
 * or conflicting one leaves no trace and the caller's transaction goes on; planned as the caller's transaction plans.
 */
export async function createInvitationInTransaction(
  tx: Tx,
  actor: UserActor,
  input: InviteInput,
  ctx: AuditContext,
  appUrl: string,
  now = new Date(),
) {
  refuseSelf(actor, input);
  const people = { value: new Map<string, EmployeeRow>() };
  const row = await withOpenInvitationConstraint(() =>
    tx.transaction((savepoint) => invite(savepoint, actor, input, ctx, appUrl, now, people)),
  );
  return (await presentInvitations(tx, [row], people.value))[0]!;
}

/** R-INV-1 before anything is read: oneself may have no mentor application to load. */
function refuseSelf(actor: UserActor, input: InviteInput): void {
  const self = selfMentoringRefusals(input.mentorId, actor.employeeId);
  if (self.length > 0) throw problems.refusals(self, 422);
}

const withOpenInvitationConstraint = <T>(run: () => Promise<T>) =>
  withConstraints(run, {
    invitations_one_open_per_pair_uq: () =>
      problems.rule('R-MATCH-1', 'You already have an open invitation to this mentor.', 409),
  });

async function invite(
  tx: Tx,
  actor: UserActor,
  input: InviteInput,
  ctx: AuditContext,
  appUrl: string,
  now: Date,
  people: { value: Map<string, EmployeeRow> },
) {
  // Sent together (pipelined); PostgreSQL runs the lock first, so the counts are read after it is held.
  const [menteeApp, pair] = await Promise.all([
    activeMenteeApplication(tx, actor.employeeId, true),
    readPairContext(tx, actor.employeeId, input.mentorId),
  ]);
  if (!menteeApp) throw problems.rule('R-APP-1', 'Apply as a mentee before inviting a mentor.', 409);
  people.value = pair.people;
  const mentorEmployee = pair.people.get(input.mentorId);
  if (!pair.mentorApp || !mentorEmployee) throw problems.notFound('That mentor');
  const mentee = menteeProfileFrom(menteeApp, pair.people.get(actor.employeeId)!, pair.activity);
  const { settings } = pair;
  const mentor = mentorProfileOf(pair.mentorApp, mentorEmployee, pair.mentorLive);
  const eligible = checkPairEligibility({
    mentor,
    mentee,
    supervisorOf: pair.supervisorOf,
    settings,
    purpose: 'invite',
  });
  if (!eligible.ok) throw problems.refusals(eligible.refusals);
  const t = nextInvitationState(null, { type: 'invite' }, now, { sentAt: now, settings });
  if (!t.ok) throw problems.rule(t.rule, t.detail);
  const id = randomUUID();
  const expiresAt = addDays(now, settings.invitationExpiryDays);
  const batch = new ChangeBatch(tx);
  const created = batch.insert(
    invitations,
    {
      id,
      menteeId: actor.employeeId,
      mentorId: input.mentorId,
      platform: menteeApp.platform,
      message: input.message,
      state: t.state,
      alreadyAgreed: input.alreadyAgreed ?? false,
      sentAt: now,
      expiresAt,
      updatedAt: now,
    },
    { keep: true },
  );
  const notices = invitationNotices(
    {
      id,
      menteeId: actor.employeeId,
      mentorId: input.mentorId,
      state: t.state,
      expiresAt,
      declineReason: null,
    },
    t.effects,
    pair.people,
  );
  for (const notice of notices) batch.notice(notice, appUrl);
  batch.audit(ctx, {
    action: 'invitation.create',
    objectType: 'invitation',
    objectId: id,
    opdivs: [actor.opdiv, mentorEmployee.opdiv],
    detail: { mentorId: input.mentorId, alreadyAgreed: input.alreadyAgreed ?? false },
  });
  return (await batch.runAsLast()).one(created);
}

type Answer =
  | { type: 'accept' }
  | { type: 'decline'; reason: 'time_constraints' | 'mentoring_preferences' | 'other'; note?: string };

/** The mentor answers. R-INVT-2: accepting an "already agreed" invitation confirms the pair at once. */
export async function answerInvitation(
  db: Db,
  actor: UserActor,
  id: string,
  answer: Answer,
  ctx: AuditContext,
  appUrl: string,
  now = new Date(),
) {
  let people = new Map<string, EmployeeRow>();
  let agreed = false;
  const row = await transactionWithRetry(db, async (tx) => {
    useGenericPlans(tx);
    const [inv, pair] = await Promise.all([
      invitationFor(tx, actor, id, true),
      readInvitationPairContext(tx, id, 'answer'),
    ]);
    if (inv.mentorId !== actor.employeeId)
      throw problems.forbidden('Only the invited mentor can answer this invitation.');
    if (answer.type === 'accept' && inv.alreadyAgreed) {
      agreed = true; // confirmed below, in its own transaction with the confirmation's locks
      return inv;
    }
    people = pair.people;
    if (answer.type === 'accept') {
      const me = people.get(actor.employeeId);
      if (!pair.mentorApp || !me) throw problems.rule('R-APP-2', 'You are no longer an active mentor.', 409);
      const full = mentorCapacityRefusals(
        mentorProfileOf(pair.mentorApp, me, pair.mentorLive),
        pair.settings,
      );
      if (full.length > 0)
        throw problems.rule(
          'R-CAP-1',
          `You already mentor ${pair.mentorLive} people, your full capacity. Raise your capacity or decline.`,
          409,
        );
    }
    const extra =
      answer.type === 'decline' ? { declineReason: answer.reason, declineNote: answer.note ?? null } : {};
    const batch = new ChangeBatch(tx);
    const next = await planInvitationStep(tx, batch, inv, answer, now, appUrl, extra, people);
    batch.audit(ctx, {
      action: `invitation.${answer.type}`,
      objectType: 'invitation',
      objectId: id,
      opdivs: [...people.values()].map((p) => p.opdiv),
      detail: extra,
    });
    return (await batch.runAsLast()).one(next);
  });
  if (agreed) return confirmInvitation(db, actor, id, ctx, appUrl, now);
  return (await presentInvitations(db, [row], people))[0]!;
}

/** The mentee withdraws a pending invitation, or steps back from an accepted one (§6: closed). */
export async function withdrawInvitation(
  db: Db,
  actor: UserActor,
  id: string,
  ctx: AuditContext,
  appUrl: string,
  now = new Date(),
) {
  const row = await transactionWithRetry(db, async (tx) => {
    const inv = await invitationFor(tx, actor, id, true);
    if (inv.menteeId !== actor.employeeId)
      throw problems.forbidden('Only the mentee who sent it can withdraw this invitation.');
    const next = await stepInvitation(tx, inv, { type: 'withdraw' }, now, appUrl);
    await audit(tx, ctx, {
      action: 'invitation.withdraw',
      objectType: 'invitation',
      objectId: id,
      opdivs: await opdivsOf(tx, [inv.menteeId, inv.mentorId]),
    });
    return next;
  });
  return (await presentInvitations(db, [row]))[0]!;
}
