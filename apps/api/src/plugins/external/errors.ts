import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Problem, problems } from '../../lib/problem.js';
import { isDatabaseUnavailable, refusedInputCode } from '../../db/unavailable.js';

/** Seconds a client is asked to wait when the database is unavailable (a restart or failover takes a few). */
const RETRY_AFTER_SECONDS = 5;
import { failureInWords, validationDetail } from '../../lib/validation-words.js';

/** Sent as plain JSON, never through a route's response schema, so a problem can never fail to serialise (R-SEC-4). */
function send(reply: FastifyReply, request: FastifyRequest, problem: Problem) {
  if (problem.retryAfterSeconds !== undefined)
    reply.header('retry-after', String(Math.max(1, problem.retryAfterSeconds)));
  return reply
    .status(problem.status)
    .type('application/problem+json')
    .serializer(JSON.stringify)
    .send(problem.toBody(request.url.split('?')[0], request.id));
}

function fromValidation(error: FastifyError): Problem {
  const errors = (error.validation ?? []).map((v) => {
    const base = `/${error.validationContext ?? 'body'}${v.instancePath}`;
    const params = v.params as Record<string, unknown>;
    const message = failureInWords({ keyword: v.keyword, params });
    if (v.keyword === 'additionalProperties')
      return { field: `${base}/${String(params.additionalProperty)}`, message };
    if (v.keyword === 'required') return { field: `${base}/${String(params.missingProperty)}`, message };
    return { field: base, message };
  });
  return problems.badRequest(validationDetail(errors), errors);
}

/** Titles of the 4xx errors Fastify raises itself (parsers, router, limits), in words for people. */
const FRAMEWORK_TITLES: Record<number, [slug: string, title: string, detail: string]> = {
  400: [
    'malformed',
    'Your request is not valid',
    'The request could not be read: check its address and body.',
  ],
  413: ['too-large', 'Request too large', 'The request body is larger than this service accepts.'],
  414: ['uri-too-long', 'Address too long', 'A part of the address is longer than this service accepts.'],
  415: ['unsupported-media-type', 'Unsupported content type', 'Send the body as application/json.'],
};

/**
 * The problem for any error: ours, validation, the database away, rate limits, and Fastify's own (router, parsers,
 * serialiser). Only a 5xx of our own making logs its details; the client gets the request id (R-SEC-4).
 */
export function problemFor(error: FastifyError, request: FastifyRequest, reply: FastifyReply): Problem {
  if (error instanceof Problem) return error;
  if (error.validation) return fromValidation(error);
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: { message: error.message } }, 'database unavailable');
    reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return problems.unavailable();
  }
  // Defence in depth: a value the schemas let through but the database refuses (an unknown reference, a check) is
  // the caller's to fix. Logged, since a schema or service check is missing.
  const refused = refusedInputCode(error);
  if (refused) {
    request.log.warn({ sqlstate: refused }, 'database refused a value of the request');
    return new Problem(
      422,
      'refused-value',
      'A value was not accepted',
      'A value in the request refers to something that does not exist or is not allowed. Check it and try again.',
    );
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return problems.tooMany(error.message);
  if (status === 401) return problems.unauthorized();
  if (status >= 400 && status < 500) {
    const [slug, title, detail] = FRAMEWORK_TITLES[status] ?? ['request', 'Request refused', error.message];
    return new Problem(status, slug, title, detail);
  }
  request.log.error({ err: error }, 'unhandled error');
  return new Problem(
    500,
    'internal',
    'Something went wrong on our side',
    `Quote request id ${request.id} when you report it.`,
  );
}

/** Fastify's `frameworkErrors` option: the router's 400 (bad URL encoding) and 414 (parameter too long). */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  return send(reply, request, problemFor(error, request, reply));
}

/** Every error leaves as application/problem+json (RFC 9457). 5xx details stay in the log. */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) =>
      send(reply, request, problemFor(error, request, reply)),
    );
  },
  { name: 'errors' },
);
