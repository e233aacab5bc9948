import { Type, type TProperties, type TSchema } from '@sinclair/typebox';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problems } from './problem.js';

// One pagination for every list (R-API-4, decision 0900): keyset cursors, opaque to the client, stable under inserts.

export const PAGE_LIMIT_MAX = 100;
export const PAGE_LIMIT_DEFAULT = 20;

/** The query parameters every list takes. */
export const PageQuery = {
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: PAGE_LIMIT_MAX,
      default: PAGE_LIMIT_DEFAULT,
      description: 'Items per page',
    }),
  ),
  cursor: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 1024,
      description: 'Opaque: the `next` of the previous page, as given',
    }),
  ),
};
export type PageParams = { limit?: number; cursor?: string };

/**
 * The body every list answers with. A list that belongs to one thing (a thread's messages, a pair's meetings) puts
 * that thing's few fields beside the page (`about`), so the list itself is still `items`, paged.
 */
export const Paged = <T extends TSchema, A extends TProperties = Record<never, never>>(item: T, about?: A) =>
  Type.Object(
    {
      ...((about ?? {}) as A),
      items: Type.Array(item),
      limit: Type.Integer({ description: 'The page size used' }),
      next: Type.Union([Type.String(), Type.Null()], {
        description:
          'The next page (a URL path with its query), or null on the last page; also sent as a Link header',
      }),
      total: Type.Optional(
        Type.Integer({
          description: 'How many items match, where the list counts them cheaply (may change while you page)',
        }),
      ),
    },
    {
      headers: {
        Link: Type.String({ description: 'RFC 8288 `<next>; rel="next"` when another page follows' }),
      },
    },
  );

/** What a service returns: the page and the key of its last item when more follow. */
export type PageResult<T> = { items: T[]; nextCursor: string | null; total?: number };

type KeyValue = string | number;

export function encodeCursor(key: KeyValue[]): string {
  return Buffer.from(JSON.stringify(['v1', ...key])).toString('base64url');
}

/** R-API-4: a cursor that was not made by us is a 400 problem, never a 5xx. */
export function decodeCursor(cursor: string | undefined, arity?: number): KeyValue[] | null {
  if (cursor === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed[0] !== 'v1' ||
    parsed.length < 2 ||
    (arity !== undefined && parsed.length !== arity + 1) ||
    !parsed.slice(1).every((v) => typeof v === 'string' || typeof v === 'number')
  )
    throw problems.badRequest('This cursor is not one we gave out. Start again without a cursor. (R-API-4)', [
      { field: '/querystring/cursor', message: 'Unknown cursor' },
    ]);
  return parsed.slice(1) as KeyValue[];
}

/** One sort key of a keyset: an expression, its direction and its SQL type (used to cast the cursor's text back). */
export type SortKey = {
  expr: SQL | AnyColumn;
  dir: 'asc' | 'desc';
  type: 'timestamptz' | 'text' | 'uuid' | 'integer' | 'bigint' | 'real' | 'boolean';
};

/** A keyset over SQL: its ORDER BY, the text of each row's key, and the condition "after this cursor". */
export function keyset(keys: SortKey[], params: PageParams) {
  const limit = params.limit ?? PAGE_LIMIT_DEFAULT;
  const after = decodeCursor(params.cursor, keys.length);
  const orderBy = keys.map((k) => (k.dir === 'asc' ? sql`${k.expr} asc` : sql`${k.expr} desc`));
  const key = sql<string[]>`array[${sql.join(
    keys.map((k) => sql`${k.expr}::text`),
    sql`, `,
  )}]`;
  return {
    limit,
    /** Fetch one more than the page to know whether another follows. */
    fetch: limit + 1,
    orderBy,
    orderSql: sql.join(orderBy, sql`, `),
    key,
    where: after ? afterKey(keys, after) : undefined,
    /** Trims the extra row and makes the cursor from the last row kept. */
    page<R, T>(
      rows: R[],
      keyOf: (row: R) => string[],
      present: (rows: R[]) => T[],
    ): { items: T[]; nextCursor: string | null } {
      const more = rows.length > limit;
      const kept = more ? rows.slice(0, limit) : rows;
      const last = kept[kept.length - 1];
      return { items: present(kept), nextCursor: more && last ? encodeCursor(keyOf(last)) : null };
    },
  };
}

/** (k1, k2, …) strictly after the cursor in the keyset's order, with mixed directions: k1 > v1 or (k1 = v1 and k2 > v2) … */
function afterKey(keys: SortKey[], values: KeyValue[]): SQL {
  const typed = keys.map((k, i) => ({ ...k, v: sql`${String(values[i])}::${sql.raw(k.type)}` }));
  const branches = typed.map((k, i) => {
    const equal = typed.slice(0, i).map((p) => sql`${p.expr} = ${p.v}`);
    const beyond = k.dir === 'asc' ? sql`${k.expr} > ${k.v}` : sql`${k.expr} < ${k.v}`;
    return sql`(${sql.join([...equal, beyond], sql` and `)})`;
  });
  return sql`(${sql.join(branches, sql` or `)})`;
}

/**
 * A keyset over a list already in memory (ranked suggestions, a person's own few shortlists): sorted by its key, the
 * page starts after the cursor's key, wherever that item is now. The key must be unique (end it with an id).
 */
export function pageArray<T>(
  items: T[],
  params: PageParams,
  keyOf: (item: T) => KeyValue[],
  compare: (a: KeyValue[], b: KeyValue[]) => number,
): PageResult<T> {
  const limit = params.limit ?? PAGE_LIMIT_DEFAULT;
  const after = decodeCursor(params.cursor);
  items = [...items].sort((a, b) => compare(keyOf(a), keyOf(b)));
  const start = after ? items.findIndex((item) => compare(keyOf(item), after) > 0) : 0;
  const from = start < 0 ? items.length : start;
  const kept = items.slice(from, from + limit);
  const more = from + limit < items.length;
  const last = kept[kept.length - 1];
  return { items: kept, nextCursor: more && last ? encodeCursor(keyOf(last)) : null };
}

/** Compares key tuples element by element; `desc` lists the positions sorted in descending order. */
export const compareKeys =
  (...desc: number[]) =>
  (a: KeyValue[], b: KeyValue[]): number => {
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if (x === y) continue;
      const order = x < y ? -1 : 1;
      return desc.includes(i) ? -order : order;
    }
    return 0;
  };

/** Answers a page: the body's `next` and the `Link: <…>; rel="next"` header carry the same URL (RFC 8288). */
export function sendPage<T, A extends object = Record<never, never>>(
  request: FastifyRequest,
  reply: FastifyReply,
  result: PageResult<T>,
  about?: A,
) {
  const limit = (request.query as PageParams | undefined)?.limit ?? PAGE_LIMIT_DEFAULT;
  let next: string | null = null;
  if (result.nextCursor) {
    const url = new URL(request.url, 'http://local');
    url.searchParams.set('cursor', result.nextCursor);
    url.searchParams.set('limit', String(limit));
    next = `${url.pathname}${url.search}`;
    reply.header('link', `<${next}>; rel="next"`);
  }
  return {
    ...((about ?? {}) as A),
    items: result.items,
    limit,
    next,
    ...(result.total === undefined ? {} : { total: result.total }),
  };
}
