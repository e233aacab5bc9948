import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AcceptedSchema,
  RegisterSchema,
  ResetConfirmSchema,
  ResetRequestSchema,
  VerifyEmailSchema,
} from '../../../schemas/accounts.js';
import { SessionSchema } from '../../../schemas/auth.js';
import { responses } from '../../../lib/responses.js';
import { auditContext } from '../../http/audit-context.js';
import { oidcSettings } from '../../../services/accounts/oidc-client.js';
import {
  assertPassword,
  confirmPasswordReset,
  register,
  requestPasswordReset,
  verifyEmail,
} from '../../../services/accounts/registration.js';

/** R-ACC-1: local accounts (development, demos, sites without SSO) and what sign-in methods exist. */
const accounts: FastifyPluginAsyncTypebox = async (app) => {
  const accepted = (message: string) => ({ message });
  // Each link costs an email and each guess a hash: 5 a minute per address. Test files make many from one address.
  const tight = { rateLimit: { max: app.config.NODE_ENV === 'test' ? 500 : 5, timeWindow: '1 minute' } };

  app.get(
    '/auth/providers',
    {
      schema: {
        tags: ['auth'],
        summary: 'The sign-in methods this site offers',
        security: [],
        response: { 200: Type.Ref('AuthProviders') },
      },
    },
    async () => ({
      password: {
        register: '/api/v1/auth/register',
        signIn: '/api/v1/auth/login',
        passwordReset: '/api/v1/auth/password-reset/request',
      },
      oidc: oidcSettings(app.config)
        ? {
            loginUrl: '/api/v1/auth/oidc/login',
            logoutUrl: '/api/v1/auth/oidc/logout',
            label: 'Sign in with HHS single sign-on',
          }
        : null,
    }),
  );

  app.post(
    '/auth/register',
    {
      config: tight,
      schema: {
        tags: ['auth'],
        summary:
          'Register with a work email found in the directory; a one-time confirmation link is emailed (R-ACC-1)',
        description:
          'Answers 202 with the same message whether or not the email is in the directory or already has an account.',
        security: [],
        body: RegisterSchema,
        response: responses({ 202: AcceptedSchema }, [429]),
      },
    },
    async (request, reply) => {
      // R-SEC-8: the password rules are checked now (they say nothing about the email); the rest after answering.
      assertPassword(request.body.password, request.body.email);
      const { email, password } = request.body;
      app.afterResponse(request, () =>
        register(app.db, email, password, app.config.APP_URL, auditContext(request)),
      );
      return reply
        .status(202)
        .send(
          accepted(
            'If this work email is in the HHS directory, we have sent it a link. Open it within 24 hours to finish.',
          ),
        );
    },
  );

  app.post(
    '/auth/verify-email',
    {
      config: tight,
      schema: {
        tags: ['auth'],
        summary: 'Confirm a work email with the emailed link; creates the account and signs in (R-ACC-1)',
        security: [],
        body: VerifyEmailSchema,
        response: responses({ 200: SessionSchema }, [403, 429]),
      },
    },
    async (request, reply) => {
      const userId = await verifyEmail(app.db, request.body.token, auditContext(request));
      const token = await app.issueSession(reply, userId);
      return { token, expiresInSeconds: app.config.SESSION_TTL_MINUTES * 60 };
    },
  );

  app.post(
    '/auth/password-reset/request',
    {
      config: tight,
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password reset link by email',
        description: 'Answers 202 with the same message whether or not an account exists.',
        security: [],
        body: ResetRequestSchema,
        response: responses({ 202: AcceptedSchema }, [429]),
      },
    },
    async (request, reply) => {
      const { email } = request.body;
      app.afterResponse(request, () =>
        requestPasswordReset(app.db, email, app.config.APP_URL, auditContext(request)),
      );
      return reply
        .status(202)
        .send(accepted('If an account uses this email, we have sent it a link. Open it within 1 hour.'));
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: tight,
      schema: {
        tags: ['auth'],
        summary: 'Choose a new password with the emailed link',
        security: [],
        body: ResetConfirmSchema,
        response: responses({ 200: AcceptedSchema }, [404, 429]),
      },
    },
    async (request) => {
      await confirmPasswordReset(app.db, request.body.token, request.body.password, auditContext(request));
      return accepted('Your password has been changed. Sign in with it now.');
    },
  );
};
export default accounts;
