// Our own OpenAPI lint rules (R-API-6, decision 0908), run by `redocly lint` with redocly.yaml.

const LIST_PARAMS = ['limit', 'cursor'];

/** Every error response is application/problem+json with the shared Problem schema. */
function ProblemErrors({ jsonErrorsAllowed = [] }) {
  return {
    PathItem: {
      Operation: {
        enter(operation, ctx) {
          const path = ctx.location.pointer.split('/')[2]?.replace(/~1/g, '/');
          for (const [status, response] of Object.entries(operation.responses ?? {})) {
            if (!/^[45]/.test(status) || jsonErrorsAllowed.includes(`${path} ${status}`)) continue;
            const resolved = ctx.resolve(response).node ?? {};
            const schema = resolved.content?.['application/problem+json']?.schema;
            const types = Object.keys(resolved.content ?? {});
            if (schema?.$ref !== '#/components/schemas/Problem' || types.length !== 1)
              ctx.report({
                message: `The ${status} response must be application/problem+json with the Problem schema only.`,
                location: ctx.location.child(['responses', status]),
              });
          }
          if (!Object.keys(operation.responses ?? {}).some((s) => /^4/.test(s)))
            ctx.report({
              message: 'An operation declares its 4xx problem responses.',
              location: ctx.location,
            });
        },
      },
    },
  };
}

/**
 * Every list answers a page (items, limit, next) and takes the cursor pagination parameters (R-API-4). A list is a
 * GET whose 200 body is, or has as a top-level field, an array of records with no `maxItems` (a thread's messages
 * beside its own fields count too); arrays of plain values (roles, scopes) are attributes.
 */
function ListPagination({ notPages = [] }) {
  return {
    PathItem: {
      Operation: {
        enter(operation, ctx) {
          const [, , rawPath, method] = ctx.location.pointer.split('/');
          const key = `${method.toUpperCase()} ${rawPath.replace(/~1/g, '/')}`;
          if (method !== 'get' || notPages.includes(key)) return;
          const node = (schema) => (schema ? ctx.resolve(schema).node : undefined);
          const alternatives = (s) => [...(s?.anyOf ?? []), ...(s?.oneOf ?? []), ...(s?.allOf ?? [])];
          const isRecord = (schema) => {
            const s = node(schema);
            return s?.type === 'object' || alternatives(s).some(isRecord);
          };
          const unbounded = (schema) => {
            const s = node(schema);
            if (!s) return false;
            if (s.type === 'array') return s.maxItems === undefined && isRecord(s.items);
            return alternatives(s).some(unbounded);
          };
          const ok = operation.responses?.['200'];
          const body = node(ok && node(ok)?.content?.['application/json']?.schema);
          if (!body) return;
          const lists = unbounded(body)
            ? ['(the body)']
            : Object.entries(body.properties ?? {})
                .filter(([, field]) => unbounded(field))
                .map(([name]) => name);
          if (lists.length === 0) return;
          const query = (operation.parameters ?? [])
            .map((p) => ctx.resolve(p).node)
            .filter((p) => p?.in === 'query')
            .map((p) => p.name);
          const missing = LIST_PARAMS.filter((name) => !query.includes(name));
          const pageKeys = ['items', 'limit', 'next'].filter((k) => !body.properties?.[k]);
          const headers = Object.keys(node(ok)?.headers ?? {});
          if (
            missing.length ||
            pageKeys.length ||
            lists.some((name) => name !== 'items') ||
            !headers.includes('Link')
          )
            ctx.report({
              message: `${key} answers a list (${lists.join(', ')}): it takes ${LIST_PARAMS.join(' and ')} and answers items, limit and next with a Link header (R-API-4).`,
              location: ctx.location,
            });
        },
      },
    },
  };
}

export default function hhsRules() {
  return {
    id: 'hhs',
    rules: { oas3: { 'problem-errors': ProblemErrors, 'list-pagination': ListPagination } },
  };
}
