import type { Tx } from '../../db/client.js';
import type { OutboxCalendar } from '../../db/schema/index.js';
import { ChangeBatch } from './change-batch.js';

export type Notice = {
  /** Employee id of the recipient. */
  to: string;
  /** Stable event name, e.g. "invitation.received", "milestone.overdue". */
  kind: string;
  title: string;
  /** Plain text, a few sentences; the email repeats it with the link. */
  body: string;
  /** Path inside the web app, e.g. "/invitations/123". */
  link?: string;
  data?: Record<string, unknown>;
  /** Same key for the same recipient → notified once (jobs that may run twice). */
  dedupeKey?: string;
  /** Email as well as the inbox (default true). */
  email?: boolean;
  /** R-MEET-3: an iCalendar REQUEST or CANCEL attached to the email. */
  calendar?: OutboxCalendar;
};

/**
 * R-NOTE-1: puts a notice in the recipient's inbox and, in the same transaction, an email in the outbox.
 * Call it inside the transaction of the change it reports, so both commit or neither does.
 */
export async function notify(tx: Tx, notice: Notice, appUrl: string): Promise<void> {
  const batch = new ChangeBatch(tx);
  batch.notice(notice, appUrl);
  await batch.run();
}
