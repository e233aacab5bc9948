import {
  getTableColumns,
  getTableName,
  is,
  type Column,
  type InferInsertModel,
  type InferSelectModel,
  type Table,
} from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { rowsPreparedText, type Tx } from './client.js';
import { rowFromJson } from './json-rows.js';
import { withCommit } from './pipelined.js';

type Columns = Map<string, Column>;
const columnsOf = new WeakMap<Table, Columns>();
function columns(table: Table): Columns {
  let map = columnsOf.get(table);
  if (!map) columnsOf.set(table, (map = new Map(Object.entries(getTableColumns(table)))));
  return map;
}
const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** A part of a batch whose rows run() gives back, typed by its table: read them with `result.rows(part)`. */
export interface Kept<T extends Table> {
  readonly name: string;
  readonly table: T;
}

export type InsertOptions = { keep?: boolean };
export type UpdateOptions = { keep?: boolean; bumpVersion?: boolean };

/** What a batch returned: the kept parts' rows, mapped as drizzle maps its own (Dates, parsed jsonb, arrays). */
export class BatchResult {
  constructor(private readonly out: Record<string, Record<string, unknown>[]>) {}

  rows<T extends Table>(part: Kept<T>): InferSelectModel<T>[] {
    return (this.out[part.name] ?? []).map((json) => rowFromJson(part.table, json));
  }

  /** The one row of a part that writes exactly one (an insert, an update by id); throws when it wrote none. */
  one<T extends Table>(part: Kept<T>): InferSelectModel<T> {
    const [row] = this.rows(part);
    if (!row) throw new Error(`The batch part ${part.name} (${getTableName(part.table)}) returned no row.`);
    return row;
  }
}

/**
 * The writes of one change, sent as ONE statement of data-modifying CTEs in the caller's transaction, prepared
 * once per shape (decision 0505). Every part runs exactly once and sees the same snapshot, so the parts must touch
 * different rows; a part that needs another's row reads it from that part's RETURNING. Constraint violations
 * surface as usual. The SQL is written from the tables' drizzle column definitions (names and value mapping), not
 * through drizzle's query builders, which cost a fifth of the API's time per request.
 *
 * It guards itself (decision 0013): a batch is sent once; after `runAsLast` nothing more may be written in its
 * transaction — adding a part, or sending any statement through the transaction, throws.
 */
export class WriteBatch {
  private readonly parts: string[] = [];
  private readonly kept: string[] = [];
  private readonly params: unknown[] = [];
  private sent: 'run' | 'runAsLast' | null = null;

  constructor(protected readonly tx: Tx) {}

  get size(): number {
    return this.parts.length;
  }

  /** INSERT of one row (columns left out take their defaults); with `keep`, the result gives it back. */
  insert<T extends Table>(table: T, values: Partial<InferInsertModel<T>>, options: { keep: true }): Kept<T>;
  insert<T extends Table>(table: T, values: Partial<InferInsertModel<T>>, options?: InsertOptions): void;
  insert<T extends Table>(
    table: T,
    values: Partial<InferInsertModel<T>>,
    options: InsertOptions = {},
  ): Kept<T> | void {
    const name = this.part(
      `${this.insertSql(table, values)}${options.keep ? ' returning *' : ''}`,
      options.keep,
    );
    if (options.keep) return { name, table };
  }

  /** UPDATE of the row with this id, optionally adding 1 to its `version` column; with `keep`, the result gives it. */
  update<T extends Table>(
    table: T,
    id: string,
    set: Partial<InferInsertModel<T>>,
    options: UpdateOptions & { keep: true },
  ): Kept<T>;
  update<T extends Table>(
    table: T,
    id: string,
    set: Partial<InferInsertModel<T>>,
    options?: UpdateOptions,
  ): void;
  update<T extends Table>(
    table: T,
    id: string,
    set: Partial<InferInsertModel<T>>,
    options: UpdateOptions = {},
  ): Kept<T> | void {
    const cols = columns(table);
    const assignments = this.entries(table, set).map(
      ([column, value]) => `${quote(column.name)} = ${this.param(column, value)}`,
    );
    if (options.bumpVersion) assignments.push('"version" = "version" + 1');
    const idColumn = cols.get('id');
    if (!idColumn) throw new Error(`${getTableName(table)} has no id column to update by.`);
    const name = this.part(
      `update ${quote(getTableName(table))} set ${assignments.join(', ')} where "id" = ${this.param(idColumn, id)}${options.keep ? ' returning *' : ''}`,
      options.keep,
    );
    if (options.keep) return { name, table };
  }

  /** Sends the batch (nothing when empty). */
  run(): Promise<BatchResult> {
    this.markSent('run');
    return this.send();
  }

  /**
   * Sends the batch as the transaction's last statement: on PostgreSQL its COMMIT goes out in the same packet
   * (decision 0505). The transaction is sealed: any statement sent through it afterwards throws.
   */
  runAsLast(): Promise<BatchResult> {
    if (!is(this.tx, PgTransaction))
      throw new Error('runAsLast() ends a transaction, and this batch is not in one: use run().');
    this.markSent('runAsLast');
    return withCommit(this.tx, (client) => this.send(client));
  }

  /** An INSERT … VALUES statement (no RETURNING), for parts a subclass composes. */
  protected insertSql<T extends Table>(table: T, values: Partial<InferInsertModel<T>>): string {
    const entries = this.entries(table, values);
    return `insert into ${quote(getTableName(table))} (${entries.map(([c]) => quote(c.name)).join(', ')}) values (${entries.map(([c, v]) => this.param(c, v)).join(', ')})`;
  }

  /** Adds a CTE part; returns the name other parts may select from. */
  protected part(statement: string, keep = false): string {
    if (this.sent)
      throw new Error(
        `A write was added to a batch already sent with ${this.sent}(): it would ${this.sent === 'runAsLast' ? 'run after COMMIT, outside the transaction' : 'never be sent'}.`,
      );
    const name = `w${this.parts.length}`;
    this.parts.push(`${name} as (${statement})`);
    if (keep) this.kept.push(name);
    return name;
  }

  /** A parameter in the column's driver form (drizzle's own mapping: jsonb as text, timestamps as ISO strings, arrays). */
  protected param(column: Column, value: unknown): string {
    return this.raw(value === null ? null : column.mapToDriverValue(value));
  }

  protected raw(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  private entries<T extends Table>(table: T, values: Partial<InferInsertModel<T>>): [Column, unknown][] {
    const cols = columns(table);
    return Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => {
        const column = cols.get(key);
        if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
        return [column, value];
      });
  }

  private markSent(how: 'run' | 'runAsLast'): void {
    if (this.sent) throw new Error(`This batch was already sent with ${this.sent}(); a batch is sent once.`);
    this.sent = how;
  }

  private async send(client?: pg.ClientBase): Promise<BatchResult> {
    if (this.parts.length === 0) return new BatchResult({});
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
    return new BatchResult(row?.out ?? {});
  }
}
