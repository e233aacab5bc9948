import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduledJobs } from '../../src/jobs/index.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeEvent } from '../training/helpers.js';
import { makeRelationship, mentee, mentor } from '../helpers/people.js';
import { makeSystemClient, settleChangeFeeds } from './helpers.js';
import { queryRows } from '../../src/db/client.js';

// Issue 18, done means: each integrating system played end to end over real HTTP with its system client only —
// the program manager registers the clients (as in production); from then on every call is the integrator's.
let ctx: TestContext;
let base: string;
const clients: Record<string, { id: string; headers: Record<string, string> }> = {};
const started = new Date(Date.now() - 1_000).toISOString();

beforeAll(async () => {
  ctx = await makeTestApp();
  for (const [name, scopes] of [
    ['HR Connect', ['directory:write', 'directory:read']],
    ['Learning Management System', ['training:write']],
    ['Reporting warehouse', ['reports:read']],
    ['Security monitor', ['audit:read']],
    ['Events receiver', ['webhooks:manage']],
  ] as const) {
    const c = await makeSystemClient(ctx.app, [...scopes], name);
    clients[name] = { id: c.id, headers: await c.token() };
  }
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(ctx.app.server.address() as { port: number }).port}`;
});
afterAll(() => ctx?.close());

async function call(who: string, path: string, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: {
      ...clients[who]!.headers,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
  });
  expect(res.status, `${who} ${path}`).toBeLessThan(300);
  expect(res.headers.get('ratelimit-limit'), 'per-client budget (R-API-8)').not.toBeNull();
  return res;
}
const json = async <T>(who: string, path: string, init?: RequestInit) =>
  (await call(who, path, init)).json() as Promise<T>;
const ndjson = async (who: string, path: string) =>
  (await (await call(who, path)).text())
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, string | null>);

type Feed = { items: { id: string; op: string }[]; next: string | null; resume: string };
/** Follows a change feed to its end; returns the changed ids and the cursor to resume from. */
async function drain(who: string, feed: string, cursor?: string) {
  await settleChangeFeeds(ctx.app);
  const ids = new Set<string>();
  let page = await json<Feed>(who, `/api/v1/changes/${feed}?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
  for (;;) {
    for (const i of page.items) ids.add(i.id);
    if (!page.next) return { ids: [...ids], resume: page.resume };
    page = await json<Feed>(who, page.next);
  }
}

const person = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  firstName: 'Pat',
  lastName: `Integrator ${id}`,
  email: `${id.toLowerCase()}@hhs.example.gov`,
  phone: null,
  opdiv: 'CDC',
  payPlan: 'GS',
  grade: '12',
  occupationSeries: '0343',
  occupationTitle: 'Management Analyst',
  city: 'Atlanta',
  state: 'GA',
  timeZone: 'America/New_York',
  supervisorId: null,
  commissionedCorps: false,
  active: true,
  ...over,
});

describe('integrators end to end over HTTP, each with its system client only (issue 18)', () => {
  it('HR nightly sync: push the directory, read it back, reconcile; the next night only what changed', async () => {
    const hr = 'HR Connect';
    const sent = ['HRX1', 'HRX2', 'HRX3'].map((id) => person(id));
    const night1 = await json<{ inserted: number }>(hr, '/api/v1/integrations/hr/employees', {
      method: 'POST',
      headers: { 'idempotency-key': 'night-1' },
      body: JSON.stringify({ employees: sent }),
    });
    expect(night1.inserted).toBe(3);
    const { resume } = await drain(hr, 'employees');
    // Reconciliation: what the directory holds is what HR sent, field for field.
    const back = await json<{ items: Record<string, unknown>[] }>(
      hr,
      `/api/v1/integrations/hr/employees?ids=${sent.map((p) => p.id).join(',')}`,
    );
    expect(back.items.map(({ updatedAt: _u, ...e }) => e)).toEqual(sent);

    const night2 = [
      person('HRX1', { occupationTitle: 'Program Analyst' }),
      person('HRX3', { active: false }),
    ];
    await call(hr, '/api/v1/integrations/hr/employees', {
      method: 'POST',
      headers: { 'idempotency-key': 'night-2' },
      body: JSON.stringify({ employees: [...night2, sent[1]] }),
    });
    const changed = await drain(hr, 'employees', resume);
    expect(changed.ids.sort()).toEqual(['HRX1', 'HRX3']);
    const reread = await json<{ items: Record<string, unknown>[] }>(
      hr,
      `/api/v1/integrations/hr/employees?ids=${changed.ids.join(',')}`,
    );
    expect(reread.items.map(({ updatedAt: _u, ...e }) => e)).toEqual(night2);
  });

  it('LMS push of completions, seen by the warehouse in the attendance feed and export', async () => {
    const { event } = await makeEvent(ctx.app, {
      kind: 'online_course',
      title: 'Strategic Thinking (online)',
      lmsUrl: 'https://lms.example.gov/st',
      lmsCourseId: 'LMS-ST-1',
      startsAt: undefined,
      endsAt: undefined,
      location: undefined,
      capacity: undefined,
    });
    const { resume } = await drain('Reporting warehouse', 'training-attendance');
    const pushed = await json<{ recorded: number }>(
      'Learning Management System',
      '/api/v1/integrations/lms/completions',
      {
        method: 'POST',
        headers: { 'idempotency-key': 'lms-1' },
        body: JSON.stringify({
          completions: [
            { employeeId: 'HRX2', lmsCourseId: 'LMS-ST-1', completedAt: new Date().toISOString() },
          ],
        }),
      },
    );
    expect(pushed.recorded).toBe(1);
    const changed = await drain('Reporting warehouse', 'training-attendance', resume);
    expect(changed.ids).toHaveLength(1);
    const rows = await ndjson(
      'Reporting warehouse',
      `/api/v1/exports/training-attendance?ids=${changed.ids[0]}`,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        employeeId: 'HRX2',
        eventId: event.id,
        lmsCourseId: 'LMS-ST-1',
        source: 'lms',
      }),
    ]);
  });

  it('warehouse incremental pull: a full export once, then the change feed and the changed records only', async () => {
    const w = 'Reporting warehouse';
    const a = await mentee(ctx.app, { opdiv: 'CDC' });
    const b = await mentee(ctx.app, { opdiv: 'NIH' });
    const m = await mentor(ctx.app, { opdiv: 'CDC', capacity: 3 });
    const r1 = await makeRelationship(ctx.app, a.employee.id, m.employee.id);
    const r2 = await makeRelationship(ctx.app, b.employee.id, m.employee.id);
    // Take the feed position first, then the snapshot: whatever changes during the export comes in the feed.
    const { resume } = await drain(w, 'relationships');
    const full = new Map((await ndjson(w, '/api/v1/exports/relationships')).map((r) => [r.id, r]));
    expect(full.get(r1.id)).toMatchObject({ state: 'onboarding', outcome: null });
    const csv = await (await call(w, '/api/v1/exports/participants?format=csv')).text();
    expect(csv.split('\r\n')[0]).toMatch(/^id,employeeId,role,opdiv/);
    expect(csv).toContain(`mentee:${a.employee.id}`);

    await ctx.app.db.execute(
      sql`update relationships set state = 'terminated', ended_at = now(), updated_at = now() where id = ${r2.id}`,
    );
    const changed = await drain(w, 'relationships', resume);
    expect(changed.ids).toEqual([r2.id]);
    for (const row of await ndjson(w, `/api/v1/exports/relationships?ids=${changed.ids.join(',')}`))
      full.set(row.id, row);
    expect(full.get(r2.id)).toMatchObject({ state: 'terminated', outcome: 'terminated' });
    expect(full.get(r1.id)).toMatchObject({ state: 'onboarding' });
    const surveys = await call(w, '/api/v1/exports/survey-answers');
    expect(surveys.headers.get('content-type')).toContain('application/x-ndjson');
  });

  it('security monitor: pages the audit log by actor, action and time, and sees every integrator at work', async () => {
    const mon = 'Security monitor';
    type Page = { items: { actorId: string; action: string; objectId: string }[]; next: string | null };
    const hrWrites: Page['items'] = [];
    let url: string | null =
      `/api/v1/audit?actor=client:${clients['HR Connect']!.id}&action=employee.&from=${encodeURIComponent(started)}&limit=2`;
    while (url) {
      const page: Page = await json<Page>(mon, url);
      hrWrites.push(...page.items);
      url = page.next;
    }
    expect(hrWrites.map((e) => `${e.action} ${e.objectId}`).sort()).toEqual([
      'employee.create HRX1',
      'employee.create HRX2',
      'employee.create HRX3',
      'employee.update HRX1',
      'employee.update HRX3',
    ]);
    const lms = await json<Page>(
      mon,
      `/api/v1/audit?actor=client:${clients['Learning Management System']!.id}&objectType=training_event`,
    );
    expect(lms.items.map((e) => e.action)).toContain('training.attendance');
    const tokens = await json<Page>(
      mon,
      `/api/v1/audit?action=oauth.token&from=${encodeURIComponent(started)}&limit=100`,
    );
    expect(new Set(tokens.items.map((e) => e.actorId))).toEqual(
      new Set(Object.values(clients).map((c) => `client:${c.id}`)),
    );
  });

  it('webhook receiver: subscribes, verifies each signature, records each event once; real changes arrive', async () => {
    // The receiving system: checks the Standard Webhooks signature, records the event id, then answers (docs/api.md
    // §13.4). A redelivery of a recorded id is answered without being handled again.
    let secret = '';
    const handled = new Map<string, { type: string; data: { id: string } }>();
    let refusedSignatures = 0;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let event: { type: string; data: { id: string } };
        try {
          event = new Webhook(secret).verify(body, {
            'webhook-id': String(req.headers['webhook-id']),
            'webhook-timestamp': String(req.headers['webhook-timestamp']),
            'webhook-signature': String(req.headers['webhook-signature']),
          }) as typeof event;
        } catch {
          refusedSignatures += 1;
          res.writeHead(401).end();
          return;
        }
        const id = String(req.headers['webhook-id']);
        if (!handled.has(id)) handled.set(id, event);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    // The API's own delivery job, on its own timer, as every API process runs it (decision 0904).
    const quiet = { info() {}, warn() {}, error() {} };
    const delivery = scheduledJobs(ctx.app.config, ctx.app.db, quiet).jobs.filter(
      (j) => j.name === 'webhook-delivery',
    );
    const runner = new JobRunner(ctx.app.db, delivery, quiet);
    try {
      const rx = 'Events receiver';
      const hook = await json<{ id: string; secret: string }>(rx, '/api/v1/webhooks', {
        method: 'POST',
        body: JSON.stringify({
          url: receiverUrl,
          eventTypes: ['invitation.*', 'relationship.*', 'milestone.*', 'training.completion.*'],
        }),
      });
      secret = hook.secret;
      runner.start();

      // Real changes over HTTP: a mentee invites, the mentor accepts, the mentee confirms (a relationship and its
      // milestones begin), and
      // the LMS pushes a completion with its own system client.
      const a = await mentee(ctx.app, { opdiv: 'CDC' });
      const m = await mentor(ctx.app, { opdiv: 'CDC', capacity: 3 });
      const asPerson = async (who: { auth: Record<string, string> }, path: string, body?: unknown) => {
        const res = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { ...who.auth, ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        expect(res.status, path).toBeLessThan(300);
        return res.json() as Promise<{ id: string; relationshipId?: string | null }>;
      };
      const invitation = await asPerson(a, '/api/v1/invitations', {
        mentorId: m.employee.id,
        message: 'Would you mentor me?',
      });
      await asPerson(m, `/api/v1/invitations/${invitation.id}/accept`);
      await asPerson(a, `/api/v1/invitations/${invitation.id}/confirm`);
      await makeEvent(ctx.app, {
        kind: 'online_course',
        title: 'Leading change (online)',
        lmsUrl: 'https://lms.example.gov/lc',
        lmsCourseId: 'LMS-WH-1',
        startsAt: undefined,
        endsAt: undefined,
        location: undefined,
        capacity: undefined,
      });
      await call('Learning Management System', '/api/v1/integrations/lms/completions', {
        method: 'POST',
        headers: { 'idempotency-key': 'lms-webhook-1' },
        body: JSON.stringify({
          completions: [
            { employeeId: a.employee.id, lmsCourseId: 'LMS-WH-1', completedAt: new Date().toISOString() },
          ],
        }),
      });
      const [relationship] = await queryRows<{ id: string }>(
        ctx.app.db,
        sql`select id::text from relationships where mentee_id = ${a.employee.id}`,
      );
      const expected = [
        `invitation.created ${invitation.id}`,
        `invitation.updated ${invitation.id}`,
        `relationship.created ${relationship!.id}`,
        `milestone.created ${relationship!.id}`,
        'training.completion.created',
      ];
      const seen = () =>
        [...handled.values()].map((e) =>
          e.type.startsWith('training.') ? e.type : `${e.type} ${e.data.id}`,
        );
      const deadline = Date.now() + 60_000;
      while (!expected.every((e) => seen().includes(e)) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(seen()).toEqual(expect.arrayContaining(expected));
      expect(refusedSignatures).toBe(0);

      // The delivery log, read back by the receiver's owner over HTTP, says each was delivered.
      type Delivery = { eventId: string; eventType: string; status: string };
      const log = await json<{ items: Delivery[] }>(rx, `/api/v1/webhooks/${hook.id}/deliveries?limit=100`);
      const delivered = log.items.filter((d) => d.status === 'delivered').map((d) => d.eventId);
      expect(delivered).toEqual(expect.arrayContaining([...handled.keys()]));
    } finally {
      await runner.stop();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
