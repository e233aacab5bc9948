import { getTableColumns, getTableName, type Column, type InferInsertModel, type Table } from 'drizzle-orm';
import type pg from 'pg';
import { rowsPreparedText, type Tx } from '../db/client.js';
import { withCommit } from '../db/pipelined.js';
import { auditLog, emailOutbox, employees, notifications } from '../db/schema/index.js';
import type { AuditContext, AuditEntry } from './audit.js';
import type { Notice } from './notifications.js';

type Columns = Map<string, Column>;
const columnsOf = new WeakMap<Table, Columns>();
function columns(table: Table): Columns {
  let map = columnsOf.get(table);
  if (!map) columnsOf.set(table, (map = new Map(Object.entries(getTableColumns(table)))));
  return map;
}
const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * The writes of one change — the row itself, its notices (inbox + email outbox, R-NOTE-1) and its audit row
 * (R-ADMIN-3) — sent as ONE statement of data-modifying CTEs, in the caller's transaction, prepared once per shape
 * (decision 0505). Every part runs exactly once and sees the same snapshot, so the parts must touch different rows;
 * a part that needs another's row reads it from that part's RETURNING (as the email reads its inbox row).
 * Constraint violations surface as usual. The SQL is written here from the tables' drizzle column definitions
 * (names and value mapping), not through drizzle's query builders, which cost a fifth of the API's time per request.
 */
export class WriteBatch {
  private readonly parts: string[] = [];
  private readonly kept: string[] = [];
  private readonly params: unknown[] = [];

  constructor(private readonly tx: Tx) {}

  get size(): number {
    return this.parts.length;
  }

  /** INSERT of one row (columns left out take their defaults); with `keep`, run() returns it under the name given back. */
  insert<T extends Table>(table: T, values: Partial<InferInsertModel<T>>, keep = false): string {
    const cols = columns(table);
    const names: string[] = [];
    const slots: string[] = [];
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      const column = cols.get(key);
      if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
      names.push(quote(column.name));
      slots.push(this.param(column, value));
    }
    return this.part(
      `insert into ${quote(getTableName(table))} (${names.join(', ')}) values (${slots.join(', ')})${keep ? ' returning *' : ''}`,
      keep,
    );
  }

  /** UPDATE of the row with this id, optionally adding 1 to its `version` column; with `keep`, run() returns it. */
  update<T extends Table>(
    table: T,
    id: string,
    set: Partial<InferInsertModel<T>>,
    options: { bumpVersion?: boolean } = {},
    keep = false,
  ): string {
    const cols = columns(table);
    const assignments: string[] = [];
    for (const [key, value] of Object.entries(set)) {
      if (value === undefined) continue;
      const column = cols.get(key);
      if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
      assignments.push(`${quote(column.name)} = ${this.param(column, value)}`);
    }
    if (options.bumpVersion) assignments.push('"version" = "version" + 1');
    const idColumn = cols.get('id')!;
    return this.part(
      `update ${quote(getTableName(table))} set ${assignments.join(', ')} where "id" = ${this.param(idColumn, id)}${keep ? ' returning *' : ''}`,
      keep,
    );
  }

  /** R-NOTE-1: the inbox row and, unless `email: false`, its email, greeting the recipient by first name. */
  notice(notice: Notice, appUrl: string): void {
    const values = {
      recipientId: notice.to,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link ?? null,
      data: notice.data ?? {},
      dedupeKey: notice.dedupeKey ?? null,
    };
    const inbox = this.insertSql(notifications, values);
    if (notice.email === false) {
      this.part(`${inbox} on conflict do nothing`, false);
      return;
    }
    // No email when the inbox row was a duplicate (dedupeKey) or the recipient is unknown.
    const n = this.part(`${inbox} on conflict do nothing returning "id", "recipient_id"`, false);
    const link = notice.link
      ? `\n\nOpen it in the HHS Mentoring Matching System:\n${appUrl}${notice.link}`
      : '';
    const rest = `,\n\n${notice.body}${link}\n\n— HHS Mentoring Program\nThis message was sent by the HHS Mentoring Matching System. You can see all your notifications in the app.`;
    const calendar = notice.calendar ? `${this.raw(JSON.stringify(notice.calendar))}::jsonb` : 'null::jsonb';
    this.part(
      `insert into ${quote(getTableName(emailOutbox))} (notification_id, to_address, subject, text_body, ical_event)
      select ${n}.id, e.email, ${this.raw(`HHS Mentoring Program: ${notice.title}`)}::text, 'Hello ' || e.first_name || ${this.raw(rest)}::text, ${calendar}
      from ${n} join ${quote(getTableName(employees))} e on e.id = ${n}.recipient_id`,
      false,
    );
  }

  /** R-ADMIN-3: one audit row. */
  audit(ctx: AuditContext, entry: AuditEntry): void {
    this.insert(auditLog, auditValues(ctx, entry));
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
      ? `json_build_object(${this.kept.map((k) => `'${k}', (select coalesce(json_agg(${k}), '[]'::json) from ${k})`).join(', ')})`
      : 'null::json';
    const text = `with ${this.parts.join(', ')} select ${out} as out`;
    const [row] = await rowsPreparedText<{ out: Record<string, Record<string, unknown>[]> | null }>(
      this.tx,
      text,
      this.params,
      client,
    );
    return row?.out ?? {};
  }

  private part(statement: string, keep: boolean): string {
    const name = `w${this.parts.length}`;
    this.parts.push(`${name} as (${statement})`);
    if (keep) this.kept.push(name);
    return name;
  }

  private insertSql<T extends Table>(table: T, values: Partial<InferInsertModel<T>>): string {
    const cols = columns(table);
    const entries = Object.entries(values).filter(([, v]) => v !== undefined);
    return `insert into ${quote(getTableName(table))} (${entries.map(([k]) => quote(cols.get(k)!.name)).join(', ')}) values (${entries.map(([k, v]) => this.param(cols.get(k)!, v)).join(', ')})`;
  }

  /** A parameter in the column's driver form (drizzle's own mapping: jsonb as text, timestamps as ISO strings, arrays). */
  private param(column: Column, value: unknown): string {
    return this.raw(value === null ? null : column.mapToDriverValue(value));
  }

  private raw(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
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
