import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * `column = any($1::type[])`: a list of any length as one array parameter. An `in ($1, …, $n)` list of thousands of
 * ids is slow for drizzle to build (in one piece, on the event loop), and PostgreSQL refuses more than 65,535
 * parameters in a statement (decision 0646).
 */
export const anyOf = (column: SQLWrapper, values: readonly string[], type: 'text' | 'uuid' = 'text'): SQL =>
  sql`${column} = any(${sql.param(values)}::${sql.raw(type)}[])`;
