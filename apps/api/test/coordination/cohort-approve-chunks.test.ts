import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, cohortProposalPairs, invitations } from '../../src/db/schema/index.js';
import type { UserActor } from '../../src/plugins/external/auth.js';
import { approveProposal } from '../../src/services/coordination/cohort-approve.js';
import { WriteBatch } from '../../src/db/write-batch.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { mentee, mentor, staff } from '../helpers/people.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

describe('cohort approval in chunks', () => {
  it('R-MATCH-4: each chunk commits on its own; after a failure part way, approving again finishes the rest exactly once', async () => {
    const coordinator = await staff.coordinator(ctx.app, 'FDA');
    const mentees = [
      await mentee(ctx.app, { opdiv: 'FDA' }),
      await mentee(ctx.app, { opdiv: 'FDA' }),
      await mentee(ctx.app, { opdiv: 'FDA' }),
    ];
    for (let i = 0; i < 3; i++) await mentor(ctx.app, { opdiv: 'FDA', capacity: 1 });
    const proposed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/coordination/cohort-proposals',
      headers: coordinator.auth,
      payload: { opdiv: 'FDA' },
    });
    expect(proposed.statusCode).toBe(201);
    const proposal = proposed.json() as { id: string; pairs: Array<{ id: string }> };
    expect(proposal.pairs).toHaveLength(3);
    const menteeIds = mentees.map((m) => m.employee.id);
    const sent = async () =>
      (await ctx.app.db.select().from(invitations).where(inArray(invitations.menteeId, menteeIds))).length;
    const approvals = async () =>
      (
        await ctx.app.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.objectId, proposal.id), eq(auditLog.action, 'cohort_proposal.approve')))
      ).length;

    // One pair per chunk; the second chunk's invitation write fails (a lost connection, say).
    const actor: UserActor = {
      kind: 'user',
      userId: coordinator.user.id,
      employeeId: coordinator.employee.id,
      email: coordinator.employee.email,
      name: 'Coordinator',
      opdiv: 'FDA',
      isProgramManager: false,
      coordinatorOpdivs: ['FDA'],
    };
    const audit = { actorId: coordinator.employee.id, actorLabel: 'Coordinator', ip: null, requestId: null };
    const original = WriteBatch.prototype.runAsLast;
    let calls = 0;
    const spy = vi.spyOn(WriteBatch.prototype, 'runAsLast').mockImplementation(function (this: WriteBatch) {
      if (++calls === 2) return Promise.reject(new Error('connection lost'));
      return original.call(this);
    });
    try {
      await expect(
        approveProposal(ctx.app.db, actor, proposal.id, {}, audit, 'http://x', new Date(), 1),
      ).rejects.toThrow('connection lost');
    } finally {
      spy.mockRestore();
    }
    // The first chunk stayed approved, with its audit row; the failed chunk left nothing; the third never ran.
    expect(await sent()).toBe(1);
    expect(await approvals()).toBe(1);
    const statuses = (
      await ctx.app.db
        .select()
        .from(cohortProposalPairs)
        .where(eq(cohortProposalPairs.proposalId, proposal.id))
    )
      .map((p) => p.status)
      .sort();
    expect(statuses).toEqual(['invited', 'proposed', 'proposed']);

    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/coordination/cohort-proposals/${proposal.id}/approve`,
      headers: coordinator.auth,
      payload: {},
    });
    expect(again.statusCode).toBe(200);
    const results = again.json().results as Array<{ status: string; alreadyDecided: boolean }>;
    expect(results.filter((r) => r.alreadyDecided)).toHaveLength(1);
    expect(results.filter((r) => !r.alreadyDecided && r.status === 'invited')).toHaveLength(2);
    expect(await sent()).toBe(3);
    expect(await approvals()).toBe(2);
  });
});
