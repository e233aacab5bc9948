import { and, asc, eq, sql } from 'drizzle-orm';
import { setImmediate } from 'node:timers/promises';
import {
  aboutTheMentee,
  DEFAULT_COHORT_TOP_K,
  remainingCapacity,
  type CohortWork,
  type ExplainedCohortResult,
} from '@hhs-mentoring/domain';
import type { Db, Tx } from '../../db/client.js';
import { cohortProposalPairs, cohortProposals } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { audit, type AuditContext } from '../platform/audit.js';
import { matchingContext } from '../journey/mentor-index.js';
import { chainsAbove, employeeRows, fullName } from '../journey/people.js';
import { unmatchedMenteeProfiles } from './cohort-mentees.js';
import { actorCovers, requestScope } from './scope.js';

export type ProposalRow = typeof cohortProposals.$inferSelect;
/** How long the certificate's repair may run before the proposal is returned with its proven gap (decision 0641). */
export const COHORT_PROOF_BUDGET_MS = 15_000;
/** Runs the domain's cohort solve: on a worker thread in the API (decision 0506), in line where that does not matter. */
export type CohortSolver = (work: CohortWork) => Promise<ExplainedCohortResult>;

/**
 * R-MATCH-4: edges are the auto-matching scores of every unmatched mentee against the active mentors (so only
 * R-MATCH-1-eligible pairs: §3 hard rules, R-CAP-1 room, R-APP-1/2), kept with their reasons; mentees already at
 * R-CAP-3 are left out with that reason. The reads are here; the scoring and the solve are the domain's
 * (`runCohortWork`), handed to `solver` as plain data.
 */
async function solve(db: Db, opdivs: string[] | null, topK: number, solver: CohortSolver) {
  const [mentees, { index, settings }] = await Promise.all([
    unmatchedMenteeProfiles(db, opdivs),
    matchingContext(db),
  ]);
  const free = index.mentors.filter((m) => remainingCapacity(m, settings) > 0);
  const chains = await chainsAbove(db, [
    ...mentees.map((m) => m.employeeId),
    ...free.map((m) => m.employeeId),
  ]);
  const result = await solver({
    mentees,
    mentors: [...index.mentors],
    settings,
    chains,
    topK,
    budgetMs: COHORT_PROOF_BUDGET_MS,
  });
  return { result, mentorCount: free.length, menteeCount: mentees.length };
}

/** Builds, stores and returns a proposal; nothing is sent to anyone until a person approves (R-MATCH-4). */
export async function proposeCohort(
  db: Db,
  actor: UserActor,
  input: { opdiv?: string; topK?: number },
  ctx: AuditContext,
  solver: CohortSolver,
  now = new Date(),
) {
  const scope = requestScope(actor, input.opdiv);
  const topK = input.topK ?? DEFAULT_COHORT_TOP_K;
  const { result, mentorCount, menteeCount } = await solve(db, scope, topK, solver);
  const id = await db.transaction(async (tx) => {
    const [proposal] = await tx
      .insert(cohortProposals)
      .values({
        opdivs: scope ?? [],
        createdBy: actor.employeeId,
        topK,
        total: result.total,
        greedyTotal: result.greedyTotal,
        menteeCount,
        mentorCount,
        unmatched: result.unmatched,
        proof: result.proof,
        createdAt: now,
      })
      .returning();
    const rows = result.pairs.map((p) => ({
      proposalId: proposal!.id,
      menteeId: p.menteeId,
      mentorId: p.mentorId,
      score: p.score,
      reasons: p.reasons,
    }));
    // 250 rows a statement: drizzle builds a statement of 1,000 rows (5,000 parameters) in ≈ 35 ms, in one piece.
    for (let i = 0; i < rows.length; i += 250)
      await tx.insert(cohortProposalPairs).values(rows.slice(i, i + 250));
    await audit(tx, ctx, {
      action: 'cohort_proposal.create',
      objectType: 'cohort_proposal',
      objectId: proposal!.id,
      opdivs: scope ?? [],
      detail: {
        pairs: rows.length,
        unmatched: result.unmatched.length,
        total: result.total,
        greedyTotal: result.greedyTotal,
        topK,
        proof: result.proof.status,
        bound: result.proof.bound,
      },
    });
    return proposal!.id;
  });
  return getProposal(db, actor, id);
}

/** R-ROLE-2: a proposal is visible to staff whose scope holds all of its OPDIVs (the department's: the program manager). */
export async function proposalFor(tx: Tx, actor: UserActor, id: string, lock = false): Promise<ProposalRow> {
  const q = tx.select().from(cohortProposals).where(eq(cohortProposals.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || !actorCovers(actor, row.opdivs.length > 0 ? row.opdivs : null))
    throw problems.notFound('That cohort proposal');
  return row;
}

/**
 * `items.map(f)`, letting other requests run between slices of 500: rewording a department-wide proposal's 7,831
 * pairs is ≈ 60 ms of work that would otherwise hold the event loop in one piece.
 */
async function inSlices<T, U>(items: readonly T[], f: (item: T) => U): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i += 500) {
    if (i > 0) await setImmediate();
    for (const item of items.slice(i, i + 500)) out.push(f(item));
  }
  return out;
}

/** Pairs read per statement: a department-wide proposal's 7,831 rows (≈ 8 MB of reasons) at once held the event loop. */
const PAIR_PAGE = 1000;

/** A proposal's pairs by mentee, read a page at a time (keyset on mentee and pair id), other requests served between. */
export async function proposalPairs(db: Db, id: string, pageSize = PAIR_PAGE) {
  const pairs: Array<typeof cohortProposalPairs.$inferSelect> = [];
  let after: { menteeId: string; id: string } | undefined;
  for (;;) {
    const page = await db
      .select()
      .from(cohortProposalPairs)
      .where(
        and(
          eq(cohortProposalPairs.proposalId, id),
          after
            ? sql`(${cohortProposalPairs.menteeId}, ${cohortProposalPairs.id}) > (${after.menteeId}, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(cohortProposalPairs.menteeId), asc(cohortProposalPairs.id))
      .limit(pageSize);
    pairs.push(...page);
    if (page.length < pageSize) return pairs;
    after = page.at(-1)!;
  }
}

/** Stored in the scorer's words to the mentee (so suggestions made from a pair read right); shown to staff about the mentee. */
export async function getProposal(db: Db, actor: UserActor, id: string) {
  const proposal = await proposalFor(db, actor, id);
  const pairs = await proposalPairs(db, id);
  const people = await employeeRows(db, [
    ...pairs.flatMap((p) => [p.menteeId, p.mentorId]),
    ...proposal.unmatched.map((u) => u.menteeId),
  ]);
  const who = (pid: string) => ({
    id: pid,
    name: people.get(pid) ? fullName(people.get(pid)!) : pid,
    opdiv: people.get(pid)?.opdiv ?? '',
  });
  return {
    id: proposal.id,
    opdivs: proposal.opdivs.length > 0 ? proposal.opdivs : null,
    createdAt: proposal.createdAt.toISOString(),
    topK: proposal.topK,
    menteeCount: proposal.menteeCount,
    mentorCount: proposal.mentorCount,
    total: proposal.total,
    greedyTotal: proposal.greedyTotal,
    proof: proposal.proof ?? null,
    pairs: await inSlices(pairs, (p) => ({
      id: p.id,
      mentee: who(p.menteeId),
      mentor: who(p.mentorId),
      score: p.score,
      reasons: p.reasons.map(aboutTheMentee),
      status: p.status,
      refusal: p.refusalRule ? { rule: p.refusalRule, detail: p.refusalDetail ?? '' } : null,
      invitationId: p.invitationId,
      shortlistId: p.shortlistId,
    })),
    unmatched: proposal.unmatched.map((u) => ({ mentee: who(u.menteeId), reason: u.reason })),
  };
}
