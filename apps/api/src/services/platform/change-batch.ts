import { getTableName } from 'drizzle-orm';
import { WriteBatch } from '../../db/write-batch.js';
import { auditLog, emailOutbox, employees, notifications } from '../../db/schema/index.js';
import type { AuditContext, AuditEntry } from './audit.js';
import type { Notice } from './notifications.js';

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * A write batch (db/write-batch.ts, decision 0505) for one change and what is written with it: its notices (inbox +
 * email outbox, R-NOTE-1) and its audit row (R-ADMIN-3), all in the one statement.
 */
export class ChangeBatch extends WriteBatch {
  /** R-NOTE-1: the inbox row and, unless `email: false`, its email, greeting the recipient by first name. */
  notice(notice: Notice, appUrl: string): void {
    const inbox = this.insertSql(notifications, {
      recipientId: notice.to,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link ?? null,
      data: notice.data ?? {},
      dedupeKey: notice.dedupeKey ?? null,
    });
    if (notice.email === false) {
      this.part(`${inbox} on conflict do nothing`);
      return;
    }
    // No email when the inbox row was a duplicate (dedupeKey) or the recipient is unknown.
    const n = this.part(`${inbox} on conflict do nothing returning "id", "recipient_id"`);
    const link = notice.link
      ? `\n\nOpen it in the HHS Mentoring Matching System:\n${appUrl}${notice.link}`
      : '';
    const rest = `,\n\n${notice.body}${link}\n\n— HHS Mentoring Program\nThis message was sent by the HHS Mentoring Matching System. You can see all your notifications in the app.`;
    const calendar = notice.calendar ? `${this.raw(JSON.stringify(notice.calendar))}::jsonb` : 'null::jsonb';
    this.part(
      `insert into ${quote(getTableName(emailOutbox))} (notification_id, to_address, subject, text_body, ical_event)
      select ${n}.id, e.email, ${this.raw(`HHS Mentoring Program: ${notice.title}`)}::text, 'Hello ' || e.first_name || ${this.raw(rest)}::text, ${calendar}
      from ${n} join ${quote(getTableName(employees))} e on e.id = ${n}.recipient_id`,
    );
  }

  /** R-ADMIN-3: one audit row. */
  audit(ctx: AuditContext, entry: AuditEntry): void {
    this.insert(auditLog, auditValues(ctx, entry));
  }
}

export function auditValues(ctx: AuditContext, entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    actorId: ctx.actorId === null ? null : bounded(ctx.actorId, AUDIT_ID_MAX),
    actorLabel: bounded(ctx.actorLabel, AUDIT_TEXT_MAX),
    ip: ctx.ip === null ? null : bounded(ctx.ip, 64),
    requestId: ctx.requestId === null ? null : bounded(ctx.requestId, 64),
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId == null ? null : bounded(entry.objectId, AUDIT_ID_MAX),
    opdivs: [...new Set(entry.opdivs ?? [])],
    detail: boundedDetail(entry.detail ?? {}) as Record<string, unknown>,
  };
}

/** R-SEC-13: what an audit row keeps of text a caller chose (ids, labels, detail values) is bounded. */
export const AUDIT_ID_MAX = 100;
export const AUDIT_TEXT_MAX = 200;
const AUDIT_DETAIL_STRING_MAX = 1000;
const AUDIT_DETAIL_ITEMS_MAX = 100;
const bounded = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
function boundedDetail(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return bounded(value, AUDIT_DETAIL_STRING_MAX);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return '…';
  if (Array.isArray(value))
    return value.slice(0, AUDIT_DETAIL_ITEMS_MAX).map((v) => boundedDetail(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, AUDIT_DETAIL_ITEMS_MAX)
      .map(([k, v]) => [bounded(k, AUDIT_ID_MAX), boundedDetail(v, depth + 1)]),
  );
}
