import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { emailOutbox, relationships } from '../../src/db/schema/index.js';
import { JobRunner, type ScheduledJob } from '../../src/jobs/runner.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { mentee, mentor, pairUp } from '../helpers/people.js';
import { clientFor } from '../helpers/client.js';
import { scrape, value } from './scrape.js';

// Rule ids OPS-MET-n: docs/decisions/0606-metrics.md.
let ctx: TestContext;
const web = mkdtempSync(join(tmpdir(), 'hhs-web-'));
beforeAll(async () => {
  writeFileSync(join(web, 'index.html'), '<!doctype html><div id="root"></div>');
  ctx = await makeTestApp({ METRICS_PORT: 0, WEB_DIST: web });
});
afterAll(async () => ctx?.close());

// A full collection before each heap reading, so a reading is the live heap, not garbage waiting to be collected.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const monthsAgo = (n: number) => new Date(Date.now() - n * 31 * 86_400_000);
const events = (text: string, event: string) => value(text, 'hhs_program_events_total', { event }) ?? NaN;

describe('GET /metrics', () => {
  it('OPS-MET-1: is served on METRICS_PORT only; the public port answers a problem, never the web app', async () => {
    const text = await scrape(ctx.app);
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    const publicPort = await ctx.app.inject({ method: 'GET', url: '/metrics' });
    expect(publicPort.statusCode).toBe(404);
    expect(publicPort.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await ctx.app.inject({ method: 'GET', url: '/some/screen' })).headers['content-type']).toMatch(
      /text\/html/,
    );
  });

  it('OPS-MET-2: counts requests by route template, method and status with their latency', async () => {
    const series = { route: '/api/v1/invitations/:id', method: 'GET', status_code: '401' };
    const before = value(await scrape(ctx.app), 'http_request_duration_seconds_count', series) ?? 0;
    await ctx.app.inject({ method: 'GET', url: '/api/v1/invitations/6d3f3f0e-4c1a-4b8e-9a50-0f6f0e9d1a11' });
    await ctx.app.inject({ method: 'GET', url: '/api/v1/invitations/0b5b2b1e-7d0c-4a39-8f7a-3a1c1b2d3e4f' });
    const text = await scrape(ctx.app);
    expect(value(text, 'http_request_duration_seconds_count', series)).toBe(before + 2);
    expect(value(text, 'http_request_duration_seconds_bucket', { ...series, le: '+Inf' })).toBe(before + 2);
    expect(text).not.toContain('6d3f3f0e');
  });

  it('OPS-MET-3: reports event-loop lag and heap as they move', async () => {
    // The lag histogram restarts at each scrape, and Node's monitor takes the first tick of its sampling timer after
    // a restart as its starting point, not as a sample: a loop blocked before that tick is not recorded at all. So
    // the loop runs for a few ticks after the first scrape, then blocks, then lets the timer record the block.
    let lag = 0;
    for (let attempt = 0; attempt < 5 && lag < 0.1; attempt++) {
      await scrape(ctx.app);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const block = Date.now() + 300;
      while (Date.now() < block);
      await new Promise((resolve) => setTimeout(resolve, 50));
      lag = value(await scrape(ctx.app), 'nodejs_eventloop_lag_max_seconds') ?? 0;
    }
    expect(lag).toBeGreaterThanOrEqual(0.1);
    const heap = async () => {
      collectGarbage();
      return value(await scrape(ctx.app), 'nodejs_heap_size_used_bytes') ?? NaN;
    };
    const before = await heap();
    let kept: Array<{ i: number; s: string }> | undefined = Array.from({ length: 1_000_000 }, (_, i) => ({
      i,
      s: `item ${i}`,
    }));
    const holding = await heap();
    expect(kept.length).toBe(1_000_000);
    kept = undefined;
    const released = await heap();
    // A million small objects hold ~60 MB: the reading rises by at least 30 MB, and falls back once they are dropped.
    expect(holding - before).toBeGreaterThan(30_000_000);
    expect(holding - released).toBeGreaterThan(30_000_000);
  });

  it('OPS-MET-4: reports the PostgreSQL pool: size, idle and queries waiting for a connection', async () => {
    const pool = ctx.database.pool;
    if (!pool) {
      // Embedded PGlite has one connection and no pool: no pool series rather than made-up ones.
      expect(value(await scrape(ctx.app), 'hhs_db_pool_waiting')).toBeUndefined();
      return;
    }
    const held = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()));
    const waiting = pool.query('select 1');
    const busy = await scrape(ctx.app);
    expect(value(busy, 'hhs_db_pool_waiting')).toBe(1);
    expect(value(busy, 'hhs_db_pool_size')).toBe(pool.options.max);
    expect(value(busy, 'hhs_db_pool_idle')).toBe(0);
    for (const client of held) client.release();
    await waiting;
    const calm = await scrape(ctx.app);
    expect(value(calm, 'hhs_db_pool_waiting')).toBe(0);
    expect(value(calm, 'hhs_db_pool_idle')).toBeGreaterThan(0);
  });

  it('OPS-MET-5: counts job runs and failures, the lag and the last success of each job', async () => {
    const ok: ScheduledJob = {
      name: 'metrics-ok',
      everyMs: 3_600_000,
      scope: 'once',
      run: async () => 'done',
    };
    const failing: ScheduledJob = {
      name: 'metrics-failing',
      everyMs: 5_000,
      scope: 'each',
      run: async () => {
        throw new Error('SMTP is down');
      },
    };
    const quiet = { info: () => {}, warn: () => {}, error: () => {} };
    const runner = new JobRunner(ctx.app.db, [ok, failing], quiet, () => new Date(), ctx.app.metrics.jobs);
    await runner.tick(ok);
    await runner.tick(failing);
    await runner.tick(failing);
    const text = await scrape(ctx.app);
    expect(value(text, 'hhs_job_runs_total', { job_name: 'metrics-ok' })).toBe(1);
    expect(value(text, 'hhs_job_failures_total', { job_name: 'metrics-ok' })).toBe(0);
    expect(value(text, 'hhs_job_runs_total', { job_name: 'metrics-failing' })).toBe(2);
    expect(value(text, 'hhs_job_failures_total', { job_name: 'metrics-failing' })).toBe(2);
    expect(value(text, 'hhs_job_period_seconds', { job_name: 'metrics-ok' })).toBe(3600);
    expect(value(text, 'hhs_job_lag_seconds', { job_name: 'metrics-ok' })).toBeLessThan(3600);
    expect(value(text, 'hhs_job_last_success_timestamp_seconds', { job_name: 'metrics-ok' })).toBeGreaterThan(
      Date.now() / 1000 - 60,
    );
    expect(
      value(text, 'hhs_job_last_success_timestamp_seconds', { job_name: 'metrics-failing' }),
    ).toBeUndefined();
  });

  it("OPS-MET-5: a job's lag is how late its run started after its time slot began, run by run", async () => {
    const hour = 3_600_000;
    const slotStart = Math.floor(Date.now() / hour) * hour - 2 * hour;
    let now = new Date(slotStart + 90_000);
    const job: ScheduledJob = { name: 'metrics-lag', everyMs: hour, scope: 'each', run: async () => 'done' };
    const quiet = { info: () => {}, warn: () => {}, error: () => {} };
    const runner = new JobRunner(ctx.app.db, [job], quiet, () => now, ctx.app.metrics.jobs);
    await runner.tick(job);
    expect(value(await scrape(ctx.app), 'hhs_job_lag_seconds', { job_name: 'metrics-lag' })).toBe(90);
    now = new Date(slotStart + hour + 5_000);
    await runner.tick(job);
    expect(value(await scrape(ctx.app), 'hhs_job_lag_seconds', { job_name: 'metrics-lag' })).toBe(5);
  });

  it('OPS-MET-5: exports the period of every job the API schedules from start-up, though this process runs none (JOBS=off)', async () => {
    expect(ctx.app.config.JOBS).toBe('off');
    const text = await scrape(ctx.app);
    expect(value(text, 'hhs_job_period_seconds', { job_name: 'relationship-clocks' })).toBe(900);
    expect(value(text, 'hhs_job_period_seconds', { job_name: 'invitation-expiry' })).toBe(900);
    expect(value(text, 'hhs_job_period_seconds', { job_name: 'prune-job-runs' })).toBe(86_400);
    expect(value(text, 'hhs_job_period_seconds', { job_name: 'webhook-delivery' })).toBe(2);
    expect(value(text, 'hhs_job_runs_total', { job_name: 'relationship-clocks' })).toBeUndefined();
  });

  it('OPS-MET-6: reports the email outbox backlog and the age of the oldest unsent email', async () => {
    const before = await scrape(ctx.app);
    const backlog = value(before, 'hhs_email_outbox_backlog') ?? NaN;
    const [row] = await ctx.app.db
      .insert(emailOutbox)
      .values({
        toAddress: 'someone@hhs.gov',
        subject: 'Hello',
        textBody: 'Hello',
        createdAt: new Date(Date.now() - 600_000),
      })
      .returning();
    const after = await scrape(ctx.app);
    expect(value(after, 'hhs_email_outbox_backlog')).toBe(backlog + 1);
    expect(value(after, 'hhs_email_outbox_oldest_age_seconds')).toBeGreaterThanOrEqual(600);
    await ctx.app.db
      .update(emailOutbox)
      .set({ status: 'sent', sentAt: new Date() })
      .where(eq(emailOutbox.id, row!.id));
    expect(value(await scrape(ctx.app), 'hhs_email_outbox_backlog')).toBe(backlog);
  });

  it("OPS-MET-7: counts the program's events: invitations sent, accepted, confirmed; relationships started, completed, terminated", async () => {
    const start = await scrape(ctx.app);
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const coordinator = await makeUser(ctx.app, {
      employee: { opdiv: 'CDC' },
      grants: [{ role: 'coordinator', opdiv: 'CDC' }],
    });
    const invited = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
      body: { mentorId: them.employee.id, message: 'Hello' },
    });
    const afterInvite = await scrape(ctx.app);
    expect(events(afterInvite, 'invitation_sent')).toBe(events(start, 'invitation_sent') + 1);
    expect(events(afterInvite, 'invitation_accepted')).toBe(events(start, 'invitation_accepted'));
    await clientFor(ctx.app, them).POST('/api/v1/invitations/{id}/accept', {
      params: { path: { id: invited.data!.id } },
    });
    expect(events(await scrape(ctx.app), 'invitation_accepted')).toBe(
      events(start, 'invitation_accepted') + 1,
    );
    const confirmed = await clientFor(ctx.app, me).POST('/api/v1/invitations/{id}/confirm', {
      params: { path: { id: invited.data!.id } },
    });
    const id = confirmed.data!.relationshipId as string;
    const afterConfirm = await scrape(ctx.app);
    expect(events(afterConfirm, 'invitation_confirmed')).toBe(events(start, 'invitation_confirmed') + 1);
    expect(events(afterConfirm, 'relationship_started')).toBe(events(start, 'relationship_started') + 1);

    expect(
      (
        await clientFor(ctx.app, coordinator).POST('/api/v1/relationships/{id}/terminate', {
          params: { path: { id } },
          body: { reason: 'Mentor left HHS' },
        })
      ).data!.state,
    ).toBe('terminated');
    expect(events(await scrape(ctx.app), 'relationship_terminated')).toBe(
      events(start, 'relationship_terminated') + 1,
    );

    // R-LIFE-5: a year later, both completion surveys complete the relationship.
    const [me2, them2] = [await mentee(ctx.app), await mentor(ctx.app)];
    const other = await pairUp(ctx.app, me2, them2);
    await ctx.app.db
      .update(relationships)
      .set({
        confirmedAt: monthsAgo(13),
        state: 'active',
        orientationAt: monthsAgo(13),
        agreementAt: monthsAgo(12),
        idpAt: monthsAgo(12),
      })
      .where(eq(relationships.id, other));
    const survey = {
      programObjectives: 5,
      selectionMatching: 4,
      relationship: 5,
      training: 3,
      programSupport: 4,
      comments: 'Great',
      wouldRecommend: 9,
      submit: true,
      version: 0,
    };
    expect(
      (
        await clientFor(ctx.app, me2).PUT('/api/v1/relationships/{id}/completion-surveys/{role}', {
          params: { path: { id: other, role: 'mentee' } },
          body: survey,
        })
      ).response.status,
    ).toBe(200);
    expect(
      (
        await clientFor(ctx.app, them2).PUT('/api/v1/relationships/{id}/completion-surveys/{role}', {
          params: { path: { id: other, role: 'mentor' } },
          body: survey,
        })
      ).response.status,
    ).toBe(200);
    const end = await scrape(ctx.app);
    expect(events(end, 'relationship_completed')).toBe(events(start, 'relationship_completed') + 1);
    expect(events(end, 'relationship_started')).toBe(events(start, 'relationship_started') + 2);
  });
});
