import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// A caller's X-Request-Id is kept when it is a plain token (UUIDs, trace ids, a proxy's ids); anything else — too
// long, spaces, control characters, several values — is replaced, so a header cannot forge or break log lines.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

type LoggedRequest = { method: string; url: string; routeOptions?: { url?: string }; ip?: string };

/**
 * What a request's log line says about it: the route template rather than the URL, which can carry people's
 * search words or a token in its query or path (STYLE.md: no personal data, tokens or free text in logs).
 */
export function serializeRequest(request: LoggedRequest) {
  return { method: request.method, route: request.routeOptions?.url ?? request.url.split('?')[0] };
}
