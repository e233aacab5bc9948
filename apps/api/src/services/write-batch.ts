import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type pg from 'pg';
import { rowsPreparedByShape, type Tx } from '../db/client.js';
import { withCommit } from '../db/pipelined.js';
import { auditLog, emailOutbox, employees, notifications } from '../db/schema/index.js';
import type { AuditContext, AuditEntry } from './audit.js';
import type { Notice } from './notifications.js';

/**
 * The writes of one change — the row itself, its notices (inbox + email outbox, R-NOTE-1) and its audit row
 * (R-ADMIN-3) — sent as ONE statement of data-modifying CTEs, in the caller's transaction, prepared once per shape (decision 0505). Every part
 * runs exactly once and sees the same snapshot, so the parts must touch different rows; a part that needs another's
 * row reads it from that part's RETURNING (as the email reads its inbox row). Constraint violations surface as usual.
 */
export class WriteBatch {
  private readonly parts: SQL[] = [];
  private readonly kept: string[] = [];

  constructor(private readonly tx: Tx) {}

  get size(): number {
    return this.parts.length;
  }

  /** Adds an INSERT/UPDATE/DELETE; with `keep`, run() returns its RETURNING rows (as PostgreSQL JSON) under the name given back. */
  add(statement: SQLWrapper, keep = false): string {
    const name = `w${this.parts.length}`;
    this.parts.push(sql`${sql.identifier(name)} as (${statement.getSQL()})`);
    if (keep) this.kept.push(name);
    return name;
  }

  /** R-NOTE-1: the inbox row and, unless `email: false`, its email, greeting the recipient by first name. */
  notice(notice: Notice, appUrl: string): void {
    const inbox = this.tx
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
      this.add(inbox);
      return;
    }
    // No email when the inbox row was a duplicate (dedupeKey) or the recipient is unknown.
    const n = sql.identifier(this.add(inbox.returning({ id: notifications.id, recipientId: notifications.recipientId })));
    const link = notice.link ? `\n\nOpen it in the HHS Mentoring Matching System:\n${appUrl}${notice.link}` : '';
    const rest = `,\n\n${notice.body}${link}\n\n— HHS Mentoring Program\nThis message was sent by the HHS Mentoring Matching System. You can see all your notifications in the app.`;
    this.add(sql`insert into ${emailOutbox} (notification_id, to_address, subject, text_body)
      select ${n}.id, e.email, ${`HHS Mentoring Program: ${notice.title}`}::text, 'Hello ' || e.first_name || ${rest}::text
      from ${n} join ${employees} e on e.id = ${n}.recipient_id`);
  }

  /** R-ADMIN-3: one audit row. */
  audit(ctx: AuditContext, entry: AuditEntry): void {
    this.add(this.tx.insert(auditLog).values(auditValues(ctx, entry)));
  }

  /** Sends the batch (nothing when empty); the kept parts' rows by name, in PostgreSQL's JSON (see rowFromJson). */
  run(): Promise<Record<string, Record<string, unknown>[]>> {
    return this.send();
  }

  /**
   * Sends the batch as the transaction's last statement: on PostgreSQL its COMMIT goes out in the same packet
   * (decision 0505). Nothing may be written in the transaction after it.
   */
  runAsLast(): Promise<Record<string, Record<string, unknown>[]>> {
    return withCommit(this.tx, (client) => this.send(client));
  }

  private async send(client?: pg.ClientBase): Promise<Record<string, Record<string, unknown>[]>> {
    if (this.parts.length === 0) return {};
    const out = this.kept.length
      ? sql`json_build_object(${sql.join(this.kept.map((k) => sql`${k}::text, (select coalesce(json_agg(${sql.identifier(k)}), '[]'::json) from ${sql.identifier(k)})`), sql`, `)})`
      : sql`null::json`;
    const [row] = await rowsPreparedByShape<{ out: Record<string, Record<string, unknown>[]> | null }>(
      this.tx, sql`with ${sql.join(this.parts, sql`, `)} select ${out} as out`, client);
    return row?.out ?? {};
  }
}

export function auditValues(ctx: AuditContext, entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    actorId: ctx.actorId,
    actorLabel: ctx.actorLabel,
    ip: ctx.ip,
    requestId: ctx.requestId,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    opdivs: [...new Set(entry.opdivs ?? [])],
    detail: entry.detail ?? {},
  };
}
