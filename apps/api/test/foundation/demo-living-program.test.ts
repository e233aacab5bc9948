import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { watchCadence } from '../../src/services/pair-year/cadence-watch.js';
import { sendNudges } from '../../src/services/pair-year/nudges.js';
import { demoAnchor } from '../../src/seed/living-program.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from '../../src/seed/seed.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';

// Issue 17 §6 (decision 1004): the demo is a program in its second year, the same rows on every seed of one anchor.
const anchor = demoAnchor();
let a: TestContext;
let b: TestContext;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  [a, b] = await Promise.all([makeTestApp(), makeTestApp()]);
  await seedDemo(a.app.db, 2000, { anchor });
  await seedDemo(b.app.db, 2000, { anchor });
  for (const d of DEMO_PEOPLE) {
    const login = await a.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: d.person.email, password: DEMO_PASSWORD },
    });
    cookies[d.role] = String(login.headers['set-cookie']).split(';')[0]!;
  }
}, 240_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
});

const get = async (who: string, url: string) => {
  const res = await a.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies[who]! } });
  expect(res.statusCode, `${who} GET ${url}: ${res.body}`).toBe(200);
  return res.json();
};

// Everything the demo program writes, in a stable order (users are left out: password hashes are salted).
const TABLES: Record<string, string> = {
  relationships: 'id',
  invitations: 'id',
  relationship_events: 'id',
  agreements: 'relationship_id',
  idps: 'relationship_id',
  progress_reports: 'relationship_id, role',
  completion_surveys: 'relationship_id, role',
  coordinator_contact_requests: 'id',
  meetings: 'id',
  meeting_records: 'meeting_id, role',
  messages: 'id',
  message_reads: 'thread, employee_id',
  mentor_waitlist: 'mentor_id, mentee_id',
  early_completion_agreements: 'relationship_id, party',
  mentee_applications: 'employee_id',
  mentor_applications: 'employee_id',
};
const dump = (ctx: TestContext, table: string) =>
  queryRows<Record<string, unknown>>(ctx.app.db, sql.raw(`select * from ${table} order by ${TABLES[table]}`));
/** The first column that differs between the two seeds' rows, to say what made a seed non-deterministic. */
const firstDifference = (x: Record<string, unknown>[], y: Record<string, unknown>[]) => {
  if (x.length !== y.length) return `${x.length} rows against ${y.length}`;
  for (const [i, row] of x.entries())
    for (const [key, value] of Object.entries(row))
      if (JSON.stringify(value) !== JSON.stringify(y[i]![key])) return `row ${i}, ${key}`;
  return null;
};

describe('the demo program in its second year (issue 17 §6)', () => {
  it('is deterministic: two seeds with the same anchor write the same rows in every program table', async () => {
    for (const table of Object.keys(TABLES)) {
      const [x, y] = [await dump(a, table), await dump(b, table)];
      expect(x.length, `${table} has rows`).toBeGreaterThan(0);
      expect(firstDifference(x, y), `${table} is the same on both seeds`).toBeNull();
    }
  });

  it('gives every report non-empty data, for the CDC coordinator and the program manager', async () => {
    const from = new Date(anchor.getTime() - 500 * 86_400_000).toISOString().slice(0, 10);
    for (const who of ['coordinator (CDC)', 'program manager'])
      for (const report of ['participation', 'matching', 'outcomes', 'evaluation']) {
        const body = await get(who, `/reports/${report}?from=${from}`);
        expect(body.rows.length, `${who}: ${report}`).toBeGreaterThan(0);
        const numbers = body.rows.flatMap((r: Record<string, unknown>) =>
          Object.values(r).filter((v): v is number => typeof v === 'number'),
        );
        expect(
          numbers.some((n: number) => n > 0),
          `${who}: ${report} has a figure above zero`,
        ).toBe(true);
      }
    const outcomes = await get('program manager', `/reports/outcomes?from=${from}`);
    const all = outcomes.rows.find((r: { opdiv: string }) => r.opdiv === 'ALL') ?? outcomes.rows[0];
    expect(all.completedEarly).toBeGreaterThanOrEqual(2);
  });

  it('R-MEET-6/R-WAIT-2/R-END-2: the coordinator has quiet pairs, waiting mentees, meetings, early completions and, after the jobs, reminders', async () => {
    const quiet = await get('coordinator (CDC)', '/coordination/quiet-pairs');
    expect(quiet.items.length).toBeGreaterThanOrEqual(2);
    const now = new Date();
    await watchCadence(a.app.db, now, 'http://localhost:3000');
    await sendNudges(a.app.db, now, 'http://localhost:3000');
    const counts = await get('coordinator (CDC)', '/coordination/pair-year');
    expect(counts.quietPairs).toBeGreaterThanOrEqual(2);
    expect(counts.menteesWaiting).toBeGreaterThanOrEqual(4);
    expect(counts.completedEarly).toBeGreaterThanOrEqual(2);
    expect(counts.meetingsHeldLast30Days).toBeGreaterThan(0);
    expect(counts.remindersLast30Days.cadence).toBeGreaterThan(0);
    expect(counts.remindersLast30Days.unmatched).toBeGreaterThan(0);
    const dashboard = await get('coordinator (CDC)', '/coordination/dashboard');
    expect(dashboard.milestones.overdue).toBeGreaterThanOrEqual(1);
    expect(dashboard.livePairs.termination_requested).toBeGreaterThanOrEqual(1);
  });

  it('lands each demo account on screens with data: the pair meets and writes, the mentor has a question, the supervisor an IDP', async () => {
    const mine = await get('mentee', '/relationships');
    const live = (mine.items ?? mine).find((r: { state: string }) => r.state === 'active');
    expect(live).toBeDefined();
    const meetings = await get('mentee', `/relationships/${live.id}/meetings`);
    const items = meetings.items;
    expect(items.filter((m: { held: boolean }) => m.held).length).toBeGreaterThanOrEqual(4);
    expect(
      items.some((m: { state: string; startsAt: string }) => m.state === 'accepted' && m.startsAt > now()),
    ).toBe(true);
    expect((await get('mentee', '/me/messages/unread')).total).toBeGreaterThanOrEqual(1);
    const thread = await get('mentor', `/relationships/${live.id}/messages`);
    expect(thread.items.length).toBeGreaterThanOrEqual(4);
    const invitations = await get('mentor', '/invitations');
    const pending = (invitations.items ?? invitations).find((i: { state: string }) => i.state === 'pending');
    expect(pending).toBeDefined();
    expect((await get('mentor', `/invitations/${pending.id}/messages`)).items.length).toBeGreaterThanOrEqual(
      3,
    );
    const shared = await get('supervisor', '/me/shared-idps');
    expect((shared.items ?? shared).length).toBeGreaterThanOrEqual(1);
  });
});
const now = () => new Date().toISOString();
