import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import {
  coordinatorContactRequests,
  employees,
  mentorApplications,
  relationships,
} from '../../src/db/schema/index.js';
import { DASHBOARD_MAX_AGE_MS, dashboard } from '../../src/services/coordination/dashboard.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { clientFor } from '../helpers/client.js';
import { makeInvitation, makeRelationship, mentee, mentor, staff } from '../helpers/people.js';
import { daysAgo, makeHelpRequest } from './helpers.js';

// Issue 21 (decision 0645): the dashboard is served from a cache while nothing it counts has changed. Every test
// compares what the API answers with the dashboard computed afresh from the database: the cache may never be stale.
let ctx: TestContext;
type Person = Awaited<ReturnType<typeof mentee>>;
let coordinator: Person;
let manager: Person;
let pairMentee: Person;
let pairMentor: Person;
let pairId: string;

beforeAll(async () => {
  ctx = await makeTestApp();
  coordinator = await staff.coordinator(ctx.app, 'CDC');
  manager = await staff.programManager(ctx.app);
  pairMentee = await mentee(ctx.app, { opdiv: 'CDC', appliedAt: daysAgo(30) });
  pairMentor = await mentor(ctx.app, { opdiv: 'CDC' });
  pairId = (
    await makeRelationship(ctx.app, pairMentee.employee.id, pairMentor.employee.id, {
      confirmedAt: daysAgo(20),
    })
  ).id;
});
afterAll(() => ctx.close());
afterEach(() => {
  vi.useRealTimers();
});

const read = async (who: Person = coordinator) => {
  const res = await clientFor(ctx.app, who).GET('/api/v1/coordination/dashboard');
  expect(res.response.status).toBe(200);
  return res.data!;
};
/** The figures, without the time they were computed at. */
const figures = ({ generatedAt: _, ...rest }: { generatedAt: string } & Record<string, unknown>) => rest;
const fresh = async (scope: string[] | null = ['CDC']) => figures(await dashboard(ctx.app.db, scope));

describe('dashboard result cache (R-ADMIN-1, issue 21)', () => {
  it('R-ADMIN-1: serves the dashboard it computed again while nothing it counts has changed', async () => {
    const first = await read();
    const second = await read();
    expect(second.generatedAt).toBe(first.generatedAt);
    expect(figures(second)).toEqual(await fresh());
  });

  it('R-ADMIN-1: counts a change to every table it reads on the next request', async () => {
    const changes: [string, () => Promise<unknown>][] = [
      [
        'a new mentee (employee and application)',
        () => mentee(ctx.app, { opdiv: 'CDC', appliedAt: daysAgo(5) }),
      ],
      [
        'an invitation',
        async () =>
          makeInvitation(
            ctx.app,
            (await mentee(ctx.app, { opdiv: 'CDC' })).employee.id,
            pairMentor.employee.id,
          ),
      ],
      [
        'a mentor application withdrawn',
        () =>
          ctx.app.db
            .update(mentorApplications)
            .set({ withdrawnAt: new Date() })
            .where(eq(mentorApplications.employeeId, pairMentor.employee.id)),
      ],
      [
        'a relationship reaching a milestone',
        () =>
          ctx.app.db
            .update(relationships)
            .set({ orientationAt: new Date() })
            .where(eq(relationships.id, pairId)),
      ],
      ['a help request', () => makeHelpRequest(ctx.app, pairId, pairMentee.employee.id)],
      [
        'a help request resolved',
        () =>
          ctx.app.db
            .update(coordinatorContactRequests)
            .set({ resolvedAt: new Date(), resolvedBy: coordinator.employee.id })
            .where(eq(coordinatorContactRequests.relationshipId, pairId)),
      ],
      [
        'a person leaving the agency (inactive)',
        () =>
          ctx.app.db.update(employees).set({ active: false }).where(eq(employees.id, pairMentee.employee.id)),
      ],
    ];
    let before = await read();
    for (const [what, change] of changes) {
      const expected = await fresh();
      expect(figures(before), `before ${what}`).toEqual(expected);
      await change();
      const after = await read();
      expect(figures(after), `after ${what}`).toEqual(await fresh());
      expect(figures(after), `${what} changes a figure`).not.toEqual(expected);
      before = after;
    }
  });

  it('R-ADMIN-1: keeps one cache per scope (the program manager sees the whole department)', async () => {
    const all = await read(manager);
    expect(all.scope).toBeNull();
    expect(figures(all)).toEqual(await fresh(null));
    await mentee(ctx.app, { opdiv: 'NIH' });
    expect(figures(await read(manager))).toEqual(await fresh(null));
    expect(figures(await read())).toEqual(await fresh());
  });

  it('R-ADMIN-1: computes again once the dashboard is older than its maximum age (the clock moves its figures)', async () => {
    const first = await read();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + DASHBOARD_MAX_AGE_MS + 1 });
    const later = await read();
    expect(later.generatedAt).not.toBe(first.generatedAt);
  });

  if (process.env.DB_KIND === 'postgres') {
    it('R-ADMIN-1: counts a change whose transaction was still open when the dashboard was computed', async () => {
      const other = new pg.Client({ connectionString: ctx.url });
      await other.connect();
      try {
        const before = await read();
        await other.query('begin');
        await other.query(
          'insert into coordinator_contact_requests (relationship_id, requested_by, source) values ($1, $2, $3)',
          [pairId, pairMentee.employee.id, 'progress_report'],
        );
        await mentee(ctx.app, { opdiv: 'CDC' }); // a change after it, committed first: the dashboard is computed again
        const during = await read();
        expect(during.generatedAt).not.toBe(before.generatedAt);
        expect(during.helpRequests).toBe(before.helpRequests);
        await other.query('commit');
        const after = await read();
        expect(after.helpRequests).toBe(before.helpRequests + 1);
        expect(figures(after)).toEqual(await fresh());
      } finally {
        await other.end();
      }
    });

    it('R-ADMIN-1: a change made through another API replica is counted on this one', async () => {
      const database = await openDatabase({ databaseUrl: ctx.url!, poolSize: 2 });
      const replica = await buildApp({ config: testConfig(), database });
      await replica.ready();
      try {
        const newcomer = await mentee(ctx.app, { opdiv: 'CDC' });
        const nihMentor = await mentor(ctx.app);
        const before = await read();
        const invited = await clientFor(replica, newcomer).POST('/api/v1/invitations', {
          body: { mentorId: nihMentor.employee.id, message: 'Would you mentor me this year?' },
        });
        expect(invited.response.status).toBe(201);
        const after = await read();
        expect(after.openInvitations.pending).toBe(before.openInvitations.pending + 1);
        expect(figures(after)).toEqual(await fresh());
      } finally {
        await replica.close();
        await database.close();
      }
    });
  }
});
