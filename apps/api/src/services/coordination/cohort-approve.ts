import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { cohortProposalPairs } from '../../db/schema/index.js';
import { Problem, problems, type Refusal } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { audit, type AuditContext } from '../platform/audit.js';
import { createInvitationInTransaction } from '../journey/invitations.js';
import { employeeRows, fullName } from '../journey/people.js';
import { notify } from '../platform/notifications.js';
import { currentSettings } from '../platform/settings.js';
import { getProposal, proposalFor } from './cohort.js';
import { shortlistRefusals } from './pair-check.js';
import { handShortlist } from './shortlists.js';
import { anyOf } from '../../db/any-of.js';

type PairRow = typeof cohortProposalPairs.$inferSelect;
type Result = {
  pairId: string;
  menteeId: string;
  mentorId: string;
  status: PairRow['status'];
  invitationId: string | null;
  shortlistId: string | null;
  refusal: Refusal | null;
  alreadyDecided: boolean;
};
type Outcome = {
  status: 'invited' | 'suggested' | 'refused';
  invitationId?: string;
  shortlistId?: string;
  refusal?: Refusal;
};
export type ApproveInput = { pairIds?: string[]; mode?: 'invitation' | 'suggestion'; message?: string };

const refusalOf = (err: unknown): Refusal | null =>
  err instanceof Problem && err.status < 500
    ? { rule: err.extra.rule ?? err.extra.refusals?.[0]?.rule ?? err.slug, detail: err.detail ?? err.title }
    : null;

/**
 * Invitation on the mentee's behalf through the journey's createInvitationInTransaction, so R-CAP-1..3, R-PLAT-1, R-APP-1/2 and
 * R-MATCH-1 are checked again now (docs/decisions/0501). It runs in a savepoint: a refused pair leaves no trace.
 */
async function invite(
  tx: Tx,
  actor: UserActor,
  pair: PairRow,
  message: string,
  ctx: AuditContext,
  appUrl: string,
  now: Date,
): Promise<Outcome> {
  const people = await employeeRows(tx, [pair.menteeId, pair.mentorId]);
  const mentee = people.get(pair.menteeId)!;
  const onBehalf: UserActor = {
    ...actor,
    employeeId: mentee.id,
    opdiv: mentee.opdiv,
    name: fullName(mentee),
    isProgramManager: false,
    coordinatorOpdivs: [],
  };
  try {
    const inv = await createInvitationInTransaction(
      tx,
      onBehalf,
      { mentorId: pair.mentorId, message },
      ctx,
      appUrl,
      now,
    );
    await notify(
      tx,
      {
        to: pair.menteeId,
        kind: 'cohort.invitation_sent',
        title: `An invitation was sent to ${fullName(people.get(pair.mentorId)!)} for you`,
        body: `Your program coordinator matched you with ${fullName(people.get(pair.mentorId)!)} and sent them an invitation on your behalf. You will hear when they answer; you can withdraw it from your invitations.`,
        link: `/invitations/${inv.id}`,
        data: { invitationId: inv.id },
      },
      appUrl,
    );
    return { status: 'invited', invitationId: inv.id };
  } catch (err) {
    const refusal = refusalOf(err);
    if (!refusal) throw err;
    return { status: 'refused', refusal };
  }
}

async function suggest(
  tx: Tx,
  actor: UserActor,
  pair: PairRow,
  message: string,
  appUrl: string,
  now: Date,
): Promise<Outcome> {
  const refusals = await shortlistRefusals(tx, pair.menteeId, pair.mentorId, await currentSettings(tx));
  if (refusals.length > 0) return { status: 'refused', refusal: refusals[0]! };
  const list = await handShortlist(
    tx,
    actor.employeeId,
    { menteeId: pair.menteeId, mentorIds: [pair.mentorId], note: message, source: 'cohort' },
    appUrl,
    now,
  );
  return { status: 'suggested', shortlistId: list.id };
}

/**
 * Pairs approved per transaction. A department-wide approval is thousands of invitations: in one transaction it held
 * the row locks of every person in it for the whole run (~28 s for 7,831 pairs on the benchmark machine), and
 * participants' own invitations to those mentors waited. In chunks each lock is held for a fraction of a second, and
 * what is approved stays approved if the request dies part way: approving again finishes the rest, because decided
 * pairs are reported as already decided and never redone.
 */
export const APPROVAL_CHUNK = 100;

/**
 * R-MATCH-4: a person approves all or some proposed pairs. Each becomes an invitation (default) or a suggestion;
 * a pair the rules now refuse is reported with its rule and the others go through. Each chunk of pairs is one
 * transaction (the proposal row locked, so two approvals of one proposal take turns) with its own audit row.
 */
export async function approveProposal(
  db: Db,
  actor: UserActor,
  id: string,
  input: ApproveInput,
  ctx: AuditContext,
  appUrl: string,
  now = new Date(),
  chunkSize = APPROVAL_CHUNK,
) {
  const mode = input.mode ?? 'invitation';
  const message = input.message ?? 'Your program coordinator proposed this match through cohort matching.';
  await proposalFor(db, actor, id);
  const where = and(
    eq(cohortProposalPairs.proposalId, id),
    input.pairIds ? anyOf(cohortProposalPairs.id, input.pairIds, 'uuid') : undefined,
  );
  const selected =
    input.pairIds?.length === 0
      ? []
      : await db
          .select({ id: cohortProposalPairs.id })
          .from(cohortProposalPairs)
          .where(where)
          .orderBy(asc(cohortProposalPairs.id));
  const found = new Set(selected.map((r) => r.id));
  const unknown = (input.pairIds ?? []).filter((p) => !found.has(p));
  if (unknown.length > 0) throw problems.notFound(`Pair ${unknown[0]} of this proposal`);
  const results: Result[] = [];
  for (let i = 0; i < selected.length; i += chunkSize) {
    const ids = selected.slice(i, i + chunkSize).map((r) => r.id);
    results.push(
      ...(await db.transaction((tx) => approveChunk(tx, actor, id, ids, mode, message, ctx, appUrl, now))),
    );
  }
  return { proposal: await getProposal(db, actor, id), mode, results };
}

async function approveChunk(
  tx: Tx,
  actor: UserActor,
  id: string,
  ids: string[],
  mode: 'invitation' | 'suggestion',
  message: string,
  ctx: AuditContext,
  appUrl: string,
  now: Date,
): Promise<Result[]> {
  const proposal = await proposalFor(tx, actor, id, true);
  const pairs = await tx
    .select()
    .from(cohortProposalPairs)
    .where(and(eq(cohortProposalPairs.proposalId, id), inArray(cohortProposalPairs.id, ids)))
    .orderBy(asc(cohortProposalPairs.id));
  const out: Result[] = [];
  for (const pair of pairs) {
    if (pair.status !== 'proposed') {
      out.push({
        pairId: pair.id,
        menteeId: pair.menteeId,
        mentorId: pair.mentorId,
        status: pair.status,
        invitationId: pair.invitationId,
        shortlistId: pair.shortlistId,
        refusal: null,
        alreadyDecided: true,
      });
      continue;
    }
    const o =
      mode === 'invitation'
        ? await invite(tx, actor, pair, message, ctx, appUrl, now)
        : await suggest(tx, actor, pair, message, appUrl, now);
    await tx
      .update(cohortProposalPairs)
      .set({
        status: o.status,
        invitationId: o.invitationId ?? null,
        shortlistId: o.shortlistId ?? null,
        refusalRule: o.refusal?.rule ?? null,
        refusalDetail: o.refusal?.detail ?? null,
        decidedBy: actor.employeeId,
        decidedAt: now,
      })
      .where(eq(cohortProposalPairs.id, pair.id));
    out.push({
      pairId: pair.id,
      menteeId: pair.menteeId,
      mentorId: pair.mentorId,
      status: o.status,
      invitationId: o.invitationId ?? null,
      shortlistId: o.shortlistId ?? null,
      refusal: o.refusal ?? null,
      alreadyDecided: false,
    });
  }
  const fresh = out.filter((r) => !r.alreadyDecided);
  if (fresh.length === 0) return out;
  const count = (s: string) => fresh.filter((r) => r.status === s).length;
  await audit(tx, ctx, {
    action: 'cohort_proposal.approve',
    objectType: 'cohort_proposal',
    objectId: id,
    opdivs: proposal.opdivs,
    detail: {
      mode,
      pairIds: fresh.map((r) => r.pairId),
      invited: count('invited'),
      suggested: count('suggested'),
      refused: fresh.filter((r) => r.refusal).map((r) => ({ pairId: r.pairId, rule: r.refusal!.rule })),
    },
  });
  return out;
}
