import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Problem, problems } from '../../lib/problem.js';
import { isDatabaseUnavailable } from '../../db/unavailable.js';

/** Seconds a client is asked to wait when the database is unavailable (a restart or failover takes a few). */
const RETRY_AFTER_SECONDS = 5;
import { failureInWords, validationDetail } from '../../lib/validation-words.js';

function send(reply: FastifyReply, request: FastifyRequest, problem: Problem) {
  return reply
    .status(problem.status)
    .type('application/problem+json')
    .send(problem.toBody(request.url.split('?')[0], request.id));
}

function fromValidation(error: FastifyError): Problem {
  const errors = (error.validation ?? []).map((v) => {
    const base = `/${error.validationContext ?? 'body'}${v.instancePath}`;
    const params = v.params as Record<string, unknown>;
    const message = failureInWords({ keyword: v.keyword, params });
    if (v.keyword === 'additionalProperties') return { field: `${base}/${String(params.additionalProperty)}`, message };
    if (v.keyword === 'required') return { field: `${base}/${String(params.missingProperty)}`, message };
    return { field: base, message };
  });
  return problems.badRequest(validationDetail(errors), errors);
}

/** Every error leaves as application/problem+json (RFC 9457). 5xx details stay in the log. */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof Problem) return send(reply, request, error);
      if (error.validation) return send(reply, request, fromValidation(error));
      if (isDatabaseUnavailable(error)) {
        request.log.warn({ err: { message: error.message } }, 'database unavailable');
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        return send(reply, request, problems.unavailable());
      }
      const status = error.statusCode ?? 500;
      if (status === 429) return send(reply, request, problems.tooMany(error.message));
      if (status === 401) return send(reply, request, problems.unauthorized());
      if (status >= 400 && status < 500)
        return send(reply, request, new Problem(status, 'request', 'Request refused', error.message));
      request.log.error({ err: error }, 'unhandled error');
      return send(
        reply,
        request,
        new Problem(500, 'internal', 'Something went wrong on our side', `Quote request id ${request.id} when you report it.`),
      );
    });
  },
  { name: 'errors' },
);
