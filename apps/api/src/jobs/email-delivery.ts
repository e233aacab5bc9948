import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import type { OutboxCalendar } from '../db/schema/index.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';

/** What the worker needs from nodemailer (a Transporter fits); tests may pass their own. */
export interface MailSender {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    messageId: string;
    headers: Record<string, string>;
    /** R-MEET-3: sent as a text/calendar alternative (and attachment) that Outlook shows as a meeting. */
    icalEvent?: OutboxCalendar;
  }): Promise<{ messageId?: string }>;
}

export interface DeliveryOptions {
  sender: MailSender;
  from: string;
  /** Domain part of the stable Message-ID, e.g. the APP_URL host. */
  messageIdDomain: string;
  clock?: () => Date;
  /** How long a claim is exclusive. Must exceed the longest SMTP exchange (the transport's timeouts). */
  leaseMs?: number;
  maxAttempts?: number;
  /** First retry delay; doubles with each attempt up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Stop after this many messages in one call, so one tick cannot run forever. */
  maxPerRun?: number;
  /** Shutdown: stop after the message in hand instead of the whole batch. */
  signal?: AbortSignal;
}

export const DELIVERY_DEFAULTS = {
  leaseMs: 120_000,
  maxAttempts: 12,
  backoffMs: 60_000,
  maxBackoffMs: 3_600_000,
  maxPerRun: 200,
};

type Claimed = {
  id: number;
  to_address: string;
  subject: string;
  text_body: string;
  attempts: number;
  created_at: string | Date;
  ical_event: OutboxCalendar | string | null;
};

/**
 * R-NOTE-1: takes one due outbox row for this worker. SKIP LOCKED lets concurrent workers pass each other; the lease
 * (status 'sending' + locked_until) keeps the row away from them after this statement commits, and returns it to
 * the queue if this process dies before finishing. `attempts` is the fencing token for the final update.
 */
export async function claimNextEmail(db: Db, now: Date, leaseMs: number): Promise<Claimed | undefined> {
  const until = new Date(now.getTime() + leaseMs);
  const rows = await queryRows<Claimed>(
    db,
    sql`with due as (
          select id from email_outbox
          where status in ('pending', 'sending') and next_attempt_at <= ${now}
            and (locked_until is null or locked_until < ${now})
          order by next_attempt_at, id
          limit 1
          for update skip locked)
        update email_outbox o set status = 'sending', locked_until = ${until}, attempts = o.attempts + 1
        from due where o.id = due.id
        returning o.id, o.to_address, o.subject, o.text_body, o.attempts, o.created_at, o.ical_event`,
  );
  // node-postgres returns bigint as a string; PGlite as a number.
  return rows[0] && { ...rows[0], id: Number(rows[0].id) };
}

/**
 * The same for every attempt of one row, so a duplicate after a crash is recognisable
 * (docs/decisions/0300-email-outbox-delivery.md).
 */
export function stableMessageId(row: Pick<Claimed, 'id' | 'created_at'>, domain: string): string {
  return `<outbox-${row.id}-${new Date(row.created_at).getTime()}@${domain}>`;
}

export function backoffDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** Sends every due email (up to maxPerRun); returns how many were sent and how many failed this run. */
export async function deliverDueEmails(
  db: Db,
  options: DeliveryOptions,
): Promise<{ sent: number; failed: number }> {
  const o = { ...DELIVERY_DEFAULTS, ...options };
  const clock = o.clock ?? (() => new Date());
  let sent = 0;
  let failed = 0;
  while (sent + failed < o.maxPerRun) {
    const row = await claimNextEmail(db, clock(), o.leaseMs);
    if (!row) break;
    const messageId = stableMessageId(row, o.messageIdDomain);
    let info: { messageId?: string };
    try {
      info = await o.sender.sendMail({
        from: o.from,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        messageId,
        // RFC 3834: automated mail, so out-of-office replies are not sent back to the no-reply address.
        headers: { 'Auto-Submitted': 'auto-generated' },
        ...(row.ical_event
          ? {
              icalEvent:
                typeof row.ical_event === 'string'
                  ? (JSON.parse(row.ical_event) as OutboxCalendar)
                  : row.ical_event,
            }
          : {}),
      });
    } catch (error) {
      const giveUp = row.attempts >= o.maxAttempts;
      const next = new Date(clock().getTime() + backoffDelay(row.attempts, o.backoffMs, o.maxBackoffMs));
      await db.execute(sql`update email_outbox set status = ${giveUp ? 'failed' : 'pending'}, locked_until = null,
        next_attempt_at = ${next}, last_error = ${String((error as Error).message).slice(0, 500)}
        where id = ${row.id} and attempts = ${row.attempts}`);
      failed += 1;
      // The server is probably down or refusing: leave the rest for the next run instead of timing out on each.
      break;
    }
    // The message has left. If the database is away just now, keep trying to record it for half the lease: giving
    // up would send it again once the lease lapses (the stable Message-ID lets a receiver drop that duplicate).
    await recordSent(db, row, info.messageId ?? messageId, clock, o.leaseMs / 2);
    sent += 1;
    if (options.signal?.aborted) break;
  }
  return { sent, failed };
}

async function recordSent(db: Db, row: Claimed, messageId: string, clock: () => Date, withinMs: number) {
  const deadline = Date.now() + withinMs;
  for (let delay = 250; ; delay = Math.min(delay * 2, 5_000)) {
    try {
      await db.execute(sql`update email_outbox set status = 'sent', sent_at = ${clock()}, locked_until = null,
        message_id = ${messageId}, last_error = null where id = ${row.id} and attempts = ${row.attempts}`);
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() + delay > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
