import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { emailOutbox } from '../../src/db/schema/index.js';
import { notify } from '../../src/services/platform/notifications.js';
import { claimNextEmail, deliverDueEmails, type DeliveryOptions } from '../../src/jobs/email-delivery.js';
import { smtpSender } from '../../src/jobs/mail-transport.js';
import { startSmtp } from './smtp.js';

let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let sender: ReturnType<typeof smtpSender>;
beforeAll(async () => {
  ctx = await makeTestApp();
  smtp = await startSmtp();
  sender = smtpSender(smtp.url);
});
afterAll(async () => {
  sender?.close();
  await smtp?.close();
  await ctx?.close();
});
afterEach(async () => {
  // Each test starts from an empty outbox and mailbox.
  await ctx.app.db.delete(emailOutbox);
  smtp.received.length = 0;
  smtp.state.refuse = false;
});

const options = (clock: () => Date, more: Partial<DeliveryOptions> = {}): DeliveryOptions => ({
  sender,
  from: 'HHS Mentoring Program <mentoring-noreply@hhs.gov>',
  messageIdDomain: 'hhs.gov',
  clock,
  ...more,
});

async function queue(to: string) {
  const [row] = await ctx.app.db
    .insert(emailOutbox)
    .values({
      toAddress: to,
      subject: 'HHS Mentoring Program: test',
      textBody: 'Hello.\n\nhttp://localhost:3000/inbox',
    })
    .returning();
  return row!;
}

describe('R-NOTE-1: email delivery over SMTP', () => {
  it('R-NOTE-1: delivers a notice once, to the recipient, with the subject, the link and a stable Message-ID', async () => {
    const person = await makeUser(ctx.app);
    await ctx.app.db.transaction((tx) =>
      notify(
        tx,
        {
          to: person.employee.id,
          kind: 'invitation.received',
          title: 'You have a new mentoring invitation',
          body: 'Jordan Rivera invited you to be their mentor.',
          link: '/invitations/42',
        },
        'https://mentoring.hhs.gov',
      ),
    );
    const now = () => new Date();
    expect(await deliverDueEmails(ctx.app.db, options(now))).toEqual({ sent: 1, failed: 0 });
    expect(await deliverDueEmails(ctx.app.db, options(now))).toEqual({ sent: 0, failed: 0 });

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual([person.employee.email]);
    expect(smtp.header(mail!, 'Subject')).toBe('HHS Mentoring Program: You have a new mentoring invitation');
    expect(mail!.text).toContain('Jordan Rivera invited you to be their mentor.');
    expect(mail!.text).toContain('https://mentoring.hhs.gov/invitations/42');
    expect(smtp.header(mail!, 'Content-Type')).toContain('text/plain');
    expect(smtp.header(mail!, 'Auto-Submitted')).toBe('auto-generated');
    const [row] = await ctx.app.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, person.employee.email));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lockedUntil: null });
    expect(smtp.header(mail!, 'Message-ID')).toBe(row!.messageId);
    expect(row!.messageId).toMatch(new RegExp(`^<outbox-${row!.id}-\\d+@hhs\\.gov>$`));
  });

  it('R-NOTE-1: a refusing SMTP server is retried with exponential backoff, then the email goes out once it recovers', async () => {
    const row = await queue('retry@test.hhs.gov');
    const t0 = Date.now();
    let now = t0;
    const run = () =>
      deliverDueEmails(
        ctx.app.db,
        options(() => new Date(now), { backoffMs: 1_000 }),
      );
    const stored = async () =>
      (await ctx.app.db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id)))[0]!;

    smtp.state.refuse = true;
    expect(await run()).toEqual({ sent: 0, failed: 1 });
    let r = await stored();
    expect(r).toMatchObject({ status: 'pending', attempts: 1, lockedUntil: null });
    expect(r.lastError).toContain('maintenance');
    expect(r.nextAttemptAt.getTime()).toBe(t0 + 1_000);

    now = t0 + 999; // not due yet: nothing is tried
    expect(await run()).toEqual({ sent: 0, failed: 0 });
    now = t0 + 1_000;
    expect(await run()).toEqual({ sent: 0, failed: 1 });
    r = await stored();
    expect(r.attempts).toBe(2);
    expect(r.nextAttemptAt.getTime()).toBe(t0 + 1_000 + 2_000);
    expect(smtp.state.refused).toBe(2);

    smtp.state.refuse = false;
    now = t0 + 3_000;
    expect(await run()).toEqual({ sent: 1, failed: 0 });
    expect(await stored()).toMatchObject({ status: 'sent', attempts: 3 });
    expect(smtp.received.map((m) => m.to)).toEqual([['retry@test.hhs.gov']]);
  });

  it('R-NOTE-1: gives up after the last attempt and marks the email failed', async () => {
    const row = await queue('gives-up@test.hhs.gov');
    smtp.state.refuse = true;
    let now = Date.now();
    for (let i = 0; i < 3; i++) {
      await deliverDueEmails(
        ctx.app.db,
        options(() => new Date(now), { backoffMs: 10, maxAttempts: 3 }),
      );
      now += 1_000;
    }
    const [r] = await ctx.app.db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id));
    expect(r).toMatchObject({ status: 'failed', attempts: 3 });
    expect(
      await deliverDueEmails(
        ctx.app.db,
        options(() => new Date(now + 3_600_000)),
      ),
    ).toEqual({ sent: 0, failed: 0 });
  });

  it('R-NOTE-1: a row claimed by a worker that died is delivered once its lease expires, not before', async () => {
    const row = await queue('crash@test.hhs.gov');
    const t0 = Date.now();
    // The "crashed" worker: claimed with a 60 s lease, never sent, never released.
    const claimed = await claimNextEmail(ctx.app.db, new Date(t0), 60_000);
    expect(claimed?.id).toBe(row.id);

    expect(
      await deliverDueEmails(
        ctx.app.db,
        options(() => new Date(t0 + 59_000)),
      ),
    ).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(
      await deliverDueEmails(
        ctx.app.db,
        options(() => new Date(t0 + 60_001)),
      ),
    ).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [r] = await ctx.app.db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id));
    expect(r).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('R-NOTE-1: without SMTP configured the email stays pending in the outbox', async () => {
    const person = await makeUser(ctx.app);
    await ctx.app.db.transaction((tx) =>
      notify(
        tx,
        { to: person.employee.id, kind: 'test', title: 'Stays queued', body: 'Body.' },
        ctx.app.config.APP_URL,
      ),
    );
    // JOBS=off and no SMTP_URL in this app: nothing delivers it, and nothing loses it.
    const rows = await ctx.app.db.execute(
      sql`select status from email_outbox where to_address = ${person.employee.email}`,
    );
    expect((rows as unknown as { rows: { status: string }[] }).rows).toEqual([{ status: 'pending' }]);
    expect(ctx.app.jobs).toBeUndefined();
  });
});

describe('queued work is due at once (decision 0648)', () => {
  it('R-NOTE-1: an email queued is due for a worker that reads its (millisecond) clock right after', async () => {
    const person = await makeUser(ctx.app);
    for (let i = 0; i < 50; i++) {
      const [row] = await ctx.app.db
        .insert(emailOutbox)
        .values({ toAddress: person.employee.email, subject: 'Due', textBody: 'Hello.' })
        .returning({ id: emailOutbox.id });
      const now = new Date();
      const due = await ctx.app.db.$count(
        emailOutbox,
        sql`${emailOutbox.id} = ${row!.id} and ${emailOutbox.nextAttemptAt} <= ${now.toISOString()}::timestamptz`,
      );
      expect(due, `queued row ${i} due at ${now.toISOString()}`).toBe(1);
    }
  });
});
