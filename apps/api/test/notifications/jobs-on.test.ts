import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { queryRows } from '../../src/db/client.js';
import { emailOutbox } from '../../src/db/schema/index.js';
import { notify } from '../../src/services/platform/notifications.js';
import { startSmtp } from './smtp.js';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let ctx: TestContext;
beforeAll(async () => {
  smtp = await startSmtp();
  ctx = await makeTestApp({ JOBS: 'on', SMTP_URL: smtp.url, APP_URL: 'https://mentoring.hhs.gov' });
});
afterAll(async () => {
  await ctx?.close();
  await smtp?.close();
});

describe('R-NOTE-1/R-NOTE-2: the app with JOBS=on', () => {
  it('R-NOTE-1: the app started with JOBS=on delivers a notice by itself', async () => {
    expect(ctx.app.jobs).toBeDefined();
    const person = await makeUser(ctx.app);
    await ctx.app.db.transaction((tx) =>
      notify(
        tx,
        {
          to: person.employee.id,
          kind: 'invitation.accepted',
          title: 'Your invitation was accepted',
          body: 'Dana Whitfield accepted.',
          link: '/invitations/7',
        },
        ctx.app.config.APP_URL,
      ),
    );
    const deadline = Date.now() + 15_000;
    while (smtp.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(smtp.received.map((m) => m.to)).toEqual([[person.employee.email]]);
    expect(smtp.received[0]!.text).toContain('https://mentoring.hhs.gov/invitations/7');
    // The relay has the message; the worker records it as sent just after the relay answers.
    const statusOf = async () =>
      (await ctx.app.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, person.employee.email)))[0]
        ?.status;
    let status = await statusOf();
    while (status !== 'sent' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      status = await statusOf();
    }
    expect(status).toBe('sent');
  });

  it('R-NOTE-2: the runner runs the clocks (invitation expiry, relationship clocks) for the current slot and stops promptly', async () => {
    const deadline = Date.now() + 15_000;
    let runs: Array<{ job: string; error: string | null; finished: boolean }> = [];
    while (runs.length < 2 && Date.now() < deadline) {
      runs = await queryRows(
        ctx.app.db,
        sql`select job, error, finished_at is not null as finished from job_runs
            where job in ('invitation-expiry', 'relationship-clocks') and finished_at is not null order by job`,
      );
      if (runs.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(runs).toEqual([
      { job: 'invitation-expiry', error: null, finished: true },
      { job: 'relationship-clocks', error: null, finished: true },
    ]);

    const started = Date.now();
    await ctx.app.jobs!.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
