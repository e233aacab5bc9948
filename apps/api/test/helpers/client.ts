import createClient from 'openapi-fetch';
import type { FastifyInstance, HTTPMethods } from 'fastify';
// Type-only: the generated paths, without a workspace dependency on the client package (no cycle, decision 0014).
import type { paths } from '../../../../packages/api-client/src/schema.js';

/** Whose requests: a person or client from the factories (`{ auth }`), or the headers themselves. */
export type Who = { auth: Record<string, string> } | Record<string, string>;

// A Response cannot carry a body with these statuses (Fetch standard, "null body status").
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * The typed API client of the tests (decision 0014): openapi-fetch over the generated `paths`, whose fetch runs
 * each Request through `app.inject`, so no port is opened. `client.POST('/api/v1/invitations', { body })`.
 */
export function clientFor(app: FastifyInstance, who?: Who) {
  const headers =
    who && 'auth' in who && typeof who.auth === 'object' ? who.auth : (who as Record<string, string>);
  // JSON only: an endpoint that can also answer CSV is read with `parseAs: 'text'` and its response.
  return createClient<paths, 'application/json' | 'application/problem+json'>({
    baseUrl: 'http://localhost',
    ...(headers ? { headers } : {}),
    fetch: async (request) => {
      const url = new URL(request.url);
      const payload = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
      const res = await app.inject({
        method: request.method as HTTPMethods,
        url: `${url.pathname}${url.search}`,
        headers: Object.fromEntries(request.headers),
        ...(payload ? { payload } : {}),
      });
      const out = new Headers();
      for (const [name, value] of Object.entries(res.headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) out.append(name, String(v));
      }
      const body = NULL_BODY.has(res.statusCode) ? null : new Uint8Array(res.rawPayload);
      return new Response(body, { status: res.statusCode, statusText: res.statusMessage, headers: out });
    },
  });
}

/** The JSON body an operation takes, to type a test's sample bodies: `RequestBody<'/api/v1/…/meetings', 'post'>`. */
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
