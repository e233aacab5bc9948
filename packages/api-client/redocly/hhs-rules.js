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

/** Every list answers a page (items, limit, next) and takes the cursor pagination parameters (R-API-4). */
function ListPagination({ notPages = [] }) {
  return {
    PathItem: {
      Operation: {
        enter(operation, ctx) {
          const [, , rawPath, method] = ctx.location.pointer.split('/');
          const key = `${method.toUpperCase()} ${rawPath.replace(/~1/g, '/')}`;
          const ok = operation.responses?.['200'];
          const schemaRef = ok && ctx.resolve(ok).node?.content?.['application/json']?.schema;
          const body = schemaRef && ctx.resolve(schemaRef).node;
          const items = body?.properties?.items && ctx.resolve(body.properties.items).node;
          const isList = body?.type === 'array' || items?.type === 'array';
          if (!isList || notPages.includes(key)) return;
          const query = (operation.parameters ?? [])
            .map((p) => ctx.resolve(p).node)
            .filter((p) => p?.in === 'query')
            .map((p) => p.name);
          const missing = LIST_PARAMS.filter((name) => !query.includes(name));
          const pageKeys = ['items', 'limit', 'next'].filter((k) => !body.properties?.[k]);
          if (missing.length || body.type !== 'object' || pageKeys.length)
            ctx.report({
              message: `${key} is a list: it takes ${LIST_PARAMS.join(' and ')} and answers items, limit and next (R-API-4).`,
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
