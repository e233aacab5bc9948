import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addMonths, DAY_MS } from '@hhs-mentoring/domain';
import { notifications, relationships } from '../../src/db/schema/index.js';
import { advanceRelationshipClocks } from '../../src/services/platform/clock-jobs.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { mentee, mentor, pairUp } from '../helpers/people.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

const now = new Date('2027-03-15T12:00:00Z');
const milestoneNotices = async (id: string) =>
  (await ctx.app.db.select().from(notifications).where(eq(notifications.recipientId, id)))
    .filter((n) => n.kind.startsWith('milestone.'))
    .map((n) => `${n.kind}:${(n.data as { milestone?: string } | null)?.milestone}`);

/** A pair confirmed `confirmedAt`, with the given milestones already done. */
async function pairConfirmed(confirmedAt: Date, done: Partial<typeof relationships.$inferInsert> = {}) {
  const me = await mentee(ctx.app);
  const id = await pairUp(ctx.app, me, await mentor(ctx.app));
  await ctx.app.db
    .update(relationships)
    .set({ confirmedAt, state: 'active', ...done })
    .where(eq(relationships.id, id));
  return me;
}

// The job selects candidates in SQL (decision 0252); these pin the edges of that selection against the domain clock.
describe('milestone clock selection (R-NOTE-2, decision 0252)', () => {
  it('R-NOTE-2: notices the first-month milestones 7 days before they are due, not 8', async () => {
    const soon = await pairConfirmed(new Date(addMonths(now, -1).getTime() + 6.9 * DAY_MS));
    const notYet = await pairConfirmed(new Date(addMonths(now, -1).getTime() + 7.1 * DAY_MS));
    await advanceRelationshipClocks(ctx.app.db, now, 'http://x');
    expect(await milestoneNotices(soon.employee.id)).toEqual(
      expect.arrayContaining(['milestone.due_soon:agreement', 'milestone.due_soon:idp']),
    );
    expect(await milestoneNotices(notYet.employee.id)).toEqual([]);
  });

  it('R-NOTE-2: a pair with every milestone so far done gets nothing; its progress report is noticed once near 6 months', async () => {
    const firstMonthDone = { orientationAt: now, agreementAt: now, idpAt: now };
    const quiet = await pairConfirmed(addMonths(now, -3), firstMonthDone);
    const late = await pairConfirmed(addMonths(now, -7), firstMonthDone);
    await advanceRelationshipClocks(ctx.app.db, now, 'http://x');
    await advanceRelationshipClocks(ctx.app.db, now, 'http://x');
    expect(await milestoneNotices(quiet.employee.id)).toEqual([]);
    expect(await milestoneNotices(late.employee.id)).toEqual(['milestone.overdue:progressReport.mentee']);
  });

  it('R-NOTE-2: the completion survey is noticed near 12 months even when everything else is done', async () => {
    const allButSurvey = {
      orientationAt: now,
      agreementAt: now,
      idpAt: now,
      progressMentorAt: now,
      progressMenteeAt: now,
    };
    const me = await pairConfirmed(new Date(addMonths(now, -12).getTime() + 3 * DAY_MS), allButSurvey);
    await advanceRelationshipClocks(ctx.app.db, now, 'http://x');
    expect(await milestoneNotices(me.employee.id)).toEqual(['milestone.due_soon:completionSurvey.mentee']);
  });
});
