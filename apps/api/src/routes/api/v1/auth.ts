import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { LoginSchema, SessionSchema } from '../../../schemas/auth.js';
import { NoContent, responses } from '../../../lib/responses.js';
import { SESSION_COOKIE, userActor } from '../../../plugins/external/auth.js';
import { endAllSessions, passwordSignIn } from '../../../services/accounts/accounts.js';
import { auditContext } from '../../http/audit-context.js';
import { describeMe } from '../../../services/accounts/me.js';

const auth: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/login',
    {
      config: { rateLimit: { max: app.config.NODE_ENV === 'test' ? 500 : 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a work email and password; sets the session cookie and returns the token',
        security: [],
        body: LoginSchema,
        response: responses({ 200: SessionSchema }, [403, 429]),
      },
    },
    async (request, reply) => {
      const userId = await passwordSignIn(
        app.db,
        request.body.email,
        request.body.password,
        auditContext(request),
        {
          ip: request.ip,
          appUrl: app.config.APP_URL,
          afterAnswer: (work) => app.afterResponse(request, work),
        },
      );
      const token = await app.issueSession(reply, userId);
      return { token, expiresInSeconds: app.config.SESSION_TTL_MINUTES * 60 };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends this session (its token stops working) and clears the cookie',
        security: [],
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await app.revokeSession(request);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/logout-everywhere',
    {
      onRequest: app.guards.user,
      schema: {
        tags: ['auth'],
        summary:
          'Sign out everywhere: ends every session of mine (cookies and bearer tokens), then clears the cookie',
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await endAllSessions(app.db, userActor(request), auditContext(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      onRequest: app.guards.user,
      schema: {
        tags: ['auth'],
        summary: 'Who am I: my directory entry and roles',
        response: responses({ 200: Type.Ref('Me') }),
      },
    },
    async (request) => describeMe(app.db, userActor(request)),
  );
};
export default auth;
