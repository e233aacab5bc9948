import type { TSchema } from '@sinclair/typebox';

/**
 * R-SEC-4: the input policy every request schema meets, applied once per route when it is registered (decision
 * 0800). A text field without its own `maxLength` gets the part's default; an integer or number without bounds
 * gets ones PostgreSQL's int4 (and a float8 that is still exact) can hold. NUL and lone surrogates are refused
 * for every string by `findBadText` (JSON Schema cannot say "well-formed Unicode").
 */
export const TEXT_LIMITS = { params: 100, querystring: 500, headers: 1000, body: 10_000 } as const;
export type SchemaPart = keyof typeof TEXT_LIMITS;

const INT_MAX = 2_147_483_647;
const NUMBER_MAX = 1e12;
const ARRAY_MAX = 1000;

type Node = Record<string, unknown>;

/** Adds the missing bounds in place (idempotent: a bound the schema already has is kept). */
export function applyInputPolicy(
  schema: TSchema | undefined,
  part: SchemaPart,
  seen = new Set<object>(),
): void {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  const node = schema as Node;
  const type = node.type;
  const types = Array.isArray(type) ? type : [type];
  const fixed = 'const' in node || 'enum' in node;
  if (types.includes('string') && !fixed && node.maxLength === undefined) node.maxLength = TEXT_LIMITS[part];
  if (types.includes('integer')) {
    node.maximum ??= INT_MAX;
    node.minimum ??= -INT_MAX;
  } else if (types.includes('number')) {
    node.maximum ??= NUMBER_MAX;
    node.minimum ??= -NUMBER_MAX;
  }
  if (types.includes('array') && node.maxItems === undefined) node.maxItems = ARRAY_MAX;
  for (const key of ['properties', 'patternProperties', 'definitions', '$defs'] as const) {
    const children = node[key];
    if (children && typeof children === 'object')
      for (const child of Object.values(children)) applyInputPolicy(child as TSchema, part, seen);
  }
  for (const key of ['items', 'additionalProperties', 'not', 'if', 'then', 'else'] as const) {
    const child = node[key];
    if (Array.isArray(child)) child.forEach((c) => applyInputPolicy(c as TSchema, part, seen));
    else if (child && typeof child === 'object') applyInputPolicy(child as TSchema, part, seen);
  }
  for (const key of ['anyOf', 'allOf', 'oneOf', 'prefixItems'] as const) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((c) => applyInputPolicy(c as TSchema, part, seen));
  }
}

// In a /u pattern a surrogate half alone is its own code point (category Cs); a valid pair is not.
// eslint-disable-next-line no-control-regex -- refusing NUL is the point
const BAD_TEXT = /[\u0000\p{Cs}]/u;

/** The JSON pointer of the first string (value or key) holding NUL or a lone surrogate, if any. */
export function findBadText(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return BAD_TEXT.test(value) ? path || '/' : undefined;
  if (depth > 64 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findBadText(value[i], `${path}/${i}`, depth + 1);
      if (bad) return bad;
    }
    return undefined;
  }
  for (const [key, child] of Object.entries(value)) {
    const here = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (BAD_TEXT.test(key)) return here.replace(/[^\x20-\x7e]/g, '?');
    const bad = findBadText(child, here, depth + 1);
    if (bad) return bad;
  }
  return undefined;
}
