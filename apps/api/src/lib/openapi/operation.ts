import type { FastifySchema, RouteOptions } from 'fastify';
import { routeAccess, type Access } from '../access.js';
import { deprecationOf } from '../deprecation.js';

// R-API-6 (decision 0908): each operation of the OpenAPI document is completed from what the route really runs, in
// one place, so a new route is described truthfully without saying it twice: its security from its guards, its
// error responses as application/problem+json, an operationId, and `deprecated` from its route option.

type Schema = Record<string, unknown> & { response?: Record<string, unknown>; hide?: boolean };
type Route = Pick<RouteOptions, 'method' | 'onRequest' | 'preHandler' | 'config'>;

const PROBLEM = 'application/problem+json';
const ERRORS: Record<number, string> = {
  400: 'The request is not valid (field errors listed), or its address is malformed',
  401: 'Not signed in, or no valid token',
  403: 'Signed in, but not allowed (a role or a scope is missing)',
  429: 'Too many requests: wait for the Retry-After seconds',
  503: 'The database is unavailable for a moment: try again after the Retry-After seconds',
};

/** The security requirements a route's guards enforce: any one of them suffices (OpenAPI semantics). */
export function securityOf(access: Access | null): Record<string, string[]>[] {
  if (!access) return [];
  return [
    ...access.scopes.map((scope) => ({ oauth2: [scope] })),
    ...(access.people ? [{ session: [] }, { bearer: [] }] : []),
  ];
}

/** `GET /api/v1/relationships/{id}/agreement` → `getRelationshipsByIdAgreement`: unique, as method and path are. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v\d+/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const param = /^[{:](\w+)}?$/.exec(segment);
      return param ? ['by', param[1]!] : segment.split(/[^A-Za-z0-9]+/);
    });
  return method.toLowerCase() + words.map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : '')).join('');
}

function problemResponse(description: string) {
  return { description, content: { [PROBLEM]: { schema: { $ref: 'Problem' } } } };
}

/** Problem responses: each declared `$ref: Problem` served as problem+json, and the ones every route can give. */
function withProblems(response: Record<string, unknown>, access: Access | null, route: Route) {
  const out: Record<string, unknown> = {};
  for (const [status, value] of Object.entries(response)) {
    const ref = value as { $ref?: string; description?: string };
    out[status] =
      Number(status) >= 400 && ref.$ref === 'Problem'
        ? problemResponse(ref.description ?? ERRORS[Number(status)] ?? 'Refused')
        : value;
  }
  const rateLimited = (route.config as { rateLimit?: unknown } | undefined)?.rateLimit !== undefined;
  const needed = [
    400,
    ...(access ? [401] : []),
    ...(access && (access.people !== 'user' || access.scopes.length > 0) ? [403] : []),
    ...(rateLimited ? [429] : []),
    503,
  ];
  for (const status of needed) out[status] ??= problemResponse(ERRORS[status]!);
  return out;
}

export function describeOperation(input: { schema?: FastifySchema; url: string; route: Route }): {
  schema: FastifySchema;
  url: string;
} {
  const { url, route } = input;
  const schema = input.schema as Schema | undefined;
  if (!schema || schema.hide) return { schema: input.schema ?? {}, url };
  const method = [route.method].flat()[0] ?? 'GET';
  const access = routeAccess([route.onRequest, route.preHandler].flat().filter(Boolean));
  const deprecation = deprecationOf(route.config);
  const out: Schema = {
    ...schema,
    operationId: (schema.operationId as string | undefined) ?? operationIdOf(method, url),
    security: securityOf(access),
    response: withProblems(schema.response ?? {}, access, route),
  };
  if (access?.people) out['x-people'] = access.people;
  if (access?.scopeByParameter) out['x-scope-by-parameter'] = access.scopeByParameter;
  if (deprecation) {
    out.deprecated = true;
    out.description = [
      schema.description,
      `Deprecated; it stops working after ${deprecation.sunset} (the Sunset header). ${deprecation.link}`,
    ]
      .filter(Boolean)
      .join('\n\n');
  }
  return { schema: out as FastifySchema, url };
}
