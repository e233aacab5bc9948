import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, invitations, mentorApplications, notifications } from '../../src/db/schema/index.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { clientFor } from '../helpers/client.js';
import { makeInvitation, mentee, mentor, staff } from '../helpers/people.js';
import { runCohortWork } from '@hhs-mentoring/domain';
import { unmatchedMenteeProfiles } from '../../src/services/coordination/cohort-mentees.js';
import { matchingContext } from '../../src/services/journey/mentor-index.js';
import { chainsAbove } from '../../src/services/journey/people.js';
import { proposalPairs } from '../../src/services/coordination/cohort.js';

let ctx: TestContext;
const u: Record<string, Awaited<ReturnType<typeof mentee>>> = {};
type Pair = {
  id: string;
  mentee: { id: string; opdiv: string };
  mentor: { id: string; opdiv: string };
  score: number;
  reasons: string[];
  status: string;
};

/** Exact optimum by trying every assignment (each mentee: one of its mentors or nobody), independent of the API. */
function bruteForce(
  edges: Map<string, Array<{ mentorId: string; score: number }>>,
  capacity: Map<string, number>,
): number {
  const mentees = [...edges.keys()];
  const go = (i: number): number => {
    if (i === mentees.length) return 0;
    let best = go(i + 1);
    for (const e of edges.get(mentees[i]!)!) {
      const left = capacity.get(e.mentorId) ?? 0;
      if (left <= 0) continue;
      capacity.set(e.mentorId, left - 1);
      best = Math.max(best, e.score + go(i + 1));
      capacity.set(e.mentorId, left);
    }
    return best;
  };
  return go(0);
}

beforeAll(async () => {
  ctx = await makeTestApp();
  const app = ctx.app;
  u.cdc = await staff.coordinator(app, 'CDC');
  u.nih = await staff.coordinator(app, 'NIH');
  u.a = await mentee(app, { opdiv: 'CDC', needs: ['strategic-thinking', 'accountability'] });
  u.b = await mentee(app, { opdiv: 'CDC', needs: ['strategic-thinking', 'conflict-management'] });
  u.c = await mentee(app, { opdiv: 'CDC', needs: ['decisiveness'] });
  u.d = await mentee(app, { opdiv: 'CDC', needs: ['customer-service', 'accountability'] });
  u.full = await mentee(app, { opdiv: 'CDC' }); // three open invitations already: R-CAP-3
  u.nihMentee = await mentee(app, { opdiv: 'NIH' }); // outside the CDC scope entirely
  u.m1 = await mentor(app, {
    opdiv: 'CDC',
    capacity: 1,
    competencies: ['strategic-thinking', 'accountability'],
  });
  u.m2 = await mentor(app, {
    opdiv: 'NIH',
    capacity: 1,
    competencies: ['strategic-thinking', 'conflict-management', 'decisiveness'],
  });
  u.m3 = await mentor(app, { opdiv: 'CDC', capacity: 1, competencies: ['customer-service'] });
  for (const m of [u.m1, u.m2, u.m3]) await makeInvitation(app, u.full!.employee.id, m!.employee.id);
});
afterAll(() => ctx.close());

let proposal: {
  id: string;
  total: number;
  greedyTotal: number;
  pairs: Pair[];
  unmatched: Array<{ mentee: { id: string }; reason: string }>;
};
let optimum = NaN;

describe('cohort matching (R-MATCH-4)', () => {
  it("R-MATCH-4: proposes the assignment with the highest total, never below greedy, equal to the exact optimum of the scorer's edges", async () => {
    const res = await clientFor(ctx.app, u.cdc!).POST('/api/v1/coordination/cohort-proposals', {
      body: { topK: 50 },
    });
    expect(res.response.status).toBe(201);
    proposal = res.data!;
    expect(proposal.pairs.length).toBeGreaterThan(0);
    expect(proposal.total).toBeGreaterThanOrEqual(proposal.greedyTotal);
    // The independent side: every eligible pair's score from the journey's suggestions API, solved by brute force.
    const edges = new Map<string, Array<{ mentorId: string; score: number }>>();
    for (const who of ['a', 'b', 'c', 'd']) {
      const s = await clientFor(ctx.app, u.cdc!).GET('/api/v1/mentees/{employeeId}/suggestions', {
        params: { path: { employeeId: u[who]!.employee.id }, query: { limit: 100 } },
      });
      expect(s.response.status).toBe(200);
      edges.set(
        u[who]!.employee.id,
        s.data!.items.map((i: { mentor: { id: string }; score: number }) => ({
          mentorId: i.mentor.id,
          score: i.score,
        })),
      );
    }
    optimum = bruteForce(edges, new Map([u.m1, u.m2, u.m3].map((m) => [m!.employee.id, 1])));
    expect(proposal.total).toBeCloseTo(optimum, 6);
    expect(proposal.pairs.reduce((s, p) => s + p.score, 0)).toBeCloseTo(optimum, 6);
    for (const p of proposal.pairs) expect(p.reasons.length).toBeGreaterThan(0);
    // The coordinator reads the reasons about the mentee, not addressed to them (as on a mentee's suggestions).
    const reasons = proposal.pairs.flatMap((p) => p.reasons);
    for (const r of reasons) expect(r).not.toMatch(/\byou(r)?\b/i);
    expect(reasons.some((r) => /\bthe mentee(’s)?\b/.test(r))).toBe(true);
    const unmatched = new Map(proposal.unmatched.map((x) => [x.mentee.id, x.reason]));
    expect(unmatched.get(u.full!.employee.id)).toMatch(/^R-CAP-3/);
    expect(proposal.pairs.length + proposal.unmatched.length).toBe(5);
  });

  it("R-MATCH-4-OPT: started from each mentee's single best mentor, the proposal is still the exact optimum and records how it was proven", async () => {
    const res = await clientFor(ctx.app, u.cdc!).POST('/api/v1/coordination/cohort-proposals', {
      body: { topK: 1 },
    });
    expect(res.response.status).toBe(201);
    const body = res.data!;
    expect(body.total).toBeCloseTo(optimum, 6);
    expect(body.proof).toMatchObject({ status: 'optimal', gap: 0 });
    expect(body.proof!.bound).toBeCloseTo(optimum, 6);
    const again = await clientFor(ctx.app, u.cdc!).GET('/api/v1/coordination/cohort-proposals/{id}', {
      params: { path: { id: body.id } },
    });
    expect(again.data!.proof).toEqual(body.proof);
    // The answer is read a page at a time (decision 0646): any page size gives every pair once, in mentee order.
    expect(body.pairs.length).toBeGreaterThan(2);
    expect(again.data!.pairs).toEqual(body.pairs);
    const whole = await proposalPairs(ctx.app.db, body.id);
    for (const size of [1, 2, body.pairs.length - 1, body.pairs.length])
      expect(await proposalPairs(ctx.app.db, body.id, size)).toEqual(whole);
    expect(whole.map((p) => p.menteeId)).toEqual(body.pairs.map((p) => p.mentee.id));
  });

  it('R-ROLE-2: a CDC proposal holds only CDC mentees, and an NIH coordinator cannot read or approve it', async () => {
    for (const p of proposal.pairs) expect(p.mentee.opdiv).toBe('CDC');
    expect([
      ...proposal.pairs.map((p) => p.mentee.id),
      ...proposal.unmatched.map((x) => x.mentee.id),
    ]).not.toContain(u.nihMentee!.employee.id);
    expect(
      (
        await clientFor(ctx.app, u.nih!).GET('/api/v1/coordination/cohort-proposals/{id}', {
          params: { path: { id: proposal.id } },
        })
      ).response.status,
    ).toBe(404);
    expect(
      (
        await clientFor(ctx.app, u.nih!).POST('/api/v1/coordination/cohort-proposals/{id}/approve', {
          params: { path: { id: proposal.id } },
          body: {},
        })
      ).response.status,
    ).toBe(404);
    expect(
      (
        await clientFor(ctx.app, u.cdc!).POST('/api/v1/coordination/cohort-proposals', {
          body: { opdiv: 'NIH' },
        })
      ).response.status,
    ).toBe(403);
    expect(
      (await clientFor(ctx.app, u.a!).POST('/api/v1/coordination/cohort-proposals', { body: {} })).response
        .status,
    ).toBe(403);
  });

  it('R-MATCH-4: approving some pairs re-checks the rules; a refused pair is reported with its rule and leaves no invitation', async () => {
    const [first, second] = proposal.pairs;
    // Between proposal and approval the first pair's mentor pauses (R-APP-2).
    await ctx.app.db
      .update(mentorApplications)
      .set({ paused: true, updatedAt: new Date() })
      .where(eq(mentorApplications.employeeId, first!.mentor.id));
    const res = await clientFor(ctx.app, u.cdc!).POST('/api/v1/coordination/cohort-proposals/{id}/approve', {
      params: { path: { id: proposal.id } },
      body: {
        pairIds: [first!.id, second!.id],
      },
    });
    expect(res.response.status).toBe(200);
    const results = new Map(res.data!.results.map((r: { pairId: string }) => [r.pairId, r]));
    expect(results.get(first!.id)).toMatchObject({ status: 'refused', refusal: { rule: 'R-APP-2' } });
    expect(results.get(second!.id)).toMatchObject({ status: 'invited', refusal: null });
    const refusedInvites = await ctx.app.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.menteeId, first!.mentee.id), eq(invitations.mentorId, first!.mentor.id)));
    expect(refusedInvites).toHaveLength(0);
    const [sent] = await ctx.app.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.menteeId, second!.mentee.id), eq(invitations.mentorId, second!.mentor.id)));
    expect(sent?.state).toBe('pending');
    const mentorNotes = await ctx.app.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, second!.mentor.id));
    expect(mentorNotes.map((n) => n.kind)).toContain('invitation.received');
    const menteeNotes = await ctx.app.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, second!.mentee.id));
    expect(menteeNotes.map((n) => n.kind)).toContain('cohort.invitation_sent');
    const audits = await ctx.app.db.select().from(auditLog).where(eq(auditLog.objectId, proposal.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['cohort_proposal.approve', 'cohort_proposal.create']);
    const after = (
      await clientFor(ctx.app, u.cdc!).GET('/api/v1/coordination/cohort-proposals/{id}', {
        params: { path: { id: proposal.id } },
      })
    ).data!;
    const statuses = after.pairs.map((p: Pair) => p.status);
    expect(statuses.filter((s: string) => s === 'proposed')).toHaveLength(proposal.pairs.length - 2);
  });

  it('R-MATCH-4: the remaining pairs can become suggestions, which the mentee reads in their shortlists', async () => {
    const rest = proposal.pairs.slice(2);
    expect(rest.length).toBeGreaterThan(0);
    const res = await clientFor(ctx.app, u.cdc!).POST('/api/v1/coordination/cohort-proposals/{id}/approve', {
      params: { path: { id: proposal.id } },
      body: {
        mode: 'suggestion',
      },
    });
    expect(res.response.status).toBe(200);
    const fresh = res.data!.results.filter((r: { alreadyDecided: boolean }) => !r.alreadyDecided);
    expect(fresh.map((r: { pairId: string }) => r.pairId).sort()).toEqual(rest.map((p) => p.id).sort());
    const owner = Object.values(u).find((x) => x.employee.id === rest[0]!.mentee.id)!;
    const lists = await ctx.app.inject({ method: 'GET', url: '/api/v1/me/shortlists', headers: owner.auth });
    expect(lists.json().items[0]).toMatchObject({ source: 'cohort', mentors: [{ id: rest[0]!.mentor.id }] });
    expect(lists.json().items[0].mentors[0]).not.toHaveProperty('email');
  });

  it('R-MATCH-4: the solve runs on a worker thread (decision 0506) and gives exactly what the domain gives in line', async () => {
    const [mentees, { index, settings }] = await Promise.all([
      unmatchedMenteeProfiles(ctx.app.db, ['CDC']),
      matchingContext(ctx.app.db),
    ]);
    const chains = await chainsAbove(
      ctx.app.db,
      [...mentees, ...index.mentors].map((p) => p.employeeId),
    );
    const work = { mentees, mentors: [...index.mentors], settings, chains, topK: 25 };
    const inWorker = await ctx.app.solveCohort(work);
    expect(inWorker.pairs.length).toBeGreaterThan(0);
    expect(inWorker).toEqual(runCohortWork(work));
  });
});
