import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { emailOutbox, employees, notifications } from '../db/schema/index.js';

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
};

/**
 * R-NOTE-1: puts a notice in the recipient's inbox and, in the same transaction, an email in the outbox.
 * Call it inside the transaction of the change it reports, so both commit or neither does.
 */
export async function notify(tx: Tx, notice: Notice, appUrl: string): Promise<void> {
  const inbox = tx
    .insert(notifications)
    .values({
      recipientId: notice.to,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link ?? null,
      data: notice.data ?? {},
      dedupeKey: notice.dedupeKey ?? null,
    })
    .onConflictDoNothing();
  if (notice.email === false) {
    await inbox;
    return;
  }
  // One statement for the inbox row and its email (a data-modifying CTE): no email when the inbox row was a
  // duplicate (dedupeKey) or the recipient is unknown; the greeting uses the recipient's first name.
  const link = notice.link ? `\n\nOpen it in the HHS Mentoring Matching System:\n${appUrl}${notice.link}` : '';
  const rest = `,\n\n${notice.body}${link}\n\n— HHS Mentoring Program\nThis message was sent by the HHS Mentoring Matching System. You can see all your notifications in the app.`;
  await tx.execute(sql`
    with n as (${inbox.returning({ id: notifications.id, recipientId: notifications.recipientId }).getSQL()})
    insert into ${emailOutbox} (notification_id, to_address, subject, text_body)
    select n.id, e.email, ${`HHS Mentoring Program: ${notice.title}`}::text, 'Hello ' || e.first_name || ${rest}::text
    from n join ${employees} e on e.id = n.recipient_id`);
}
