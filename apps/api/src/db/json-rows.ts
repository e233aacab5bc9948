import { getTableColumns, type Column, type InferSelectModel, type Table } from 'drizzle-orm';

const columnsOf = new WeakMap<Table, [key: string, column: Column][]>();

/**
 * A table's row as drizzle maps it (camelCase keys, Date timestamps, parsed arrays and jsonb) from the JSON
 * PostgreSQL gives for it (`to_json(t)`, `json_agg(t)`, a data-modifying CTE's RETURNING rows): lets one statement
 * return several tables' rows without losing their types.
 */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  let columns = columnsOf.get(table);
  if (!columns) columnsOf.set(table, (columns = Object.entries(getTableColumns(table))));
  const row: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as InferSelectModel<T>;
}
