import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError } from 'fastify';
import {
  OAuthErrorSchema,
  TokenRequestSchema,
  TokenResponseSchema,
} from '../../../../schemas/integrations.js';
import { issueToken, OAuthError, readCredentials } from '../../../../services/accounts/oauth.js';

/**
 * R-API-2: the OAuth 2.0 token endpoint. Its errors follow RFC 6749 §5.2 (what OAuth client libraries read), with
 * the RFC 9457 members alongside (docs/decisions/0402). Encapsulated: the form parser and error handler stay here.
 */
const oauth: FastifyPluginAsyncTypebox = async (app) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 8192 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  app.setErrorHandler((error: FastifyError | OAuthError, request, reply) => {
    // Every refusal of the request itself (bad body, parser, input policy) is RFC 6749 invalid_request; rate
    // limits, outages and bugs go on to the app's problem+json handler. Never schema-serialised (R-SEC-4).
    const status = error instanceof OAuthError ? error.status : ((error as FastifyError).statusCode ?? 500);
    const oauthError =
      error instanceof OAuthError
        ? error
        : status >= 400 && status < 500 && status !== 429
          ? new OAuthError(
              'invalid_request',
              'The token request is malformed; send application/x-www-form-urlencoded.',
            )
          : null;
    if (!oauthError) throw error;
    if (oauthError.status === 401) reply.header('www-authenticate', 'Basic realm="hhs-mentoring"');
    return reply
      .status(oauthError.status)
      .header('cache-control', 'no-store')
      .type('application/json')
      .serializer(JSON.stringify)
      .send(oauthError.toBody());
  });

  app.post(
    '/oauth/token',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['integrations'],
        summary: 'OAuth 2.0 client-credentials grant for system clients (R-API-2)',
        description:
          'RFC 6749 §4.4. Authenticate with HTTP Basic (client_id:client_secret) or client_id and client_secret in the ' +
          'form body. `scope` (space-separated) must be a subset of the scopes granted; omitted = all granted scopes.',
        security: [],
        consumes: ['application/x-www-form-urlencoded', 'application/json'],
        body: TokenRequestSchema,
        response: { 200: TokenResponseSchema, 400: OAuthErrorSchema, 401: OAuthErrorSchema },
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      const credentials = readCredentials(request.headers.authorization, body);
      const token = await issueToken(app.db, app.signSystemToken, credentials, body, request.ip, request.id);
      reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
      return token;
    },
  );
};
export default oauth;
