import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import * as oidc from 'openid-client';
import { SESSION_COOKIE } from '../../../plugins/external/auth.js';
import { Problem } from '../../../lib/problem.js';
import { auditContext } from '../../http/audit-context.js';
import { oidcSignIn, type OidcClaims } from '../../../services/accounts/oidc-accounts.js';
import {
  oidcDiscovery,
  oidcSettings,
  openLoginState,
  safeReturnTo,
  sealLoginState,
} from '../../../services/accounts/oidc-client.js';

const STATE_COOKIE = 'hhs_oidc';
const STATE_TTL_SECONDS = 600;
const Redirect = {
  302: Type.Null({ description: 'Redirect' }),
  404: Type.Ref('Problem', { description: 'Single sign-on is not set up on this server' }),
};

/**
 * R-ACC-1: single sign-on with OpenID Connect, authorization code + PKCE. Registered only when configured.
 * Failures never show a raw error: the browser goes back to the web app with a reason it can explain.
 */
const oidcRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Declared even when single sign-on is not set up (a 404 problem then), so the OpenAPI document always has them.
  const configured = oidcSettings(app.config);
  const discovery = configured ? oidcDiscovery(configured) : undefined;
  const sso = () => {
    if (!configured || !discovery)
      throw new Problem(
        404,
        'sso-not-configured',
        'Single sign-on is not available',
        'This server does not offer single sign-on. Sign in with your email and password.',
      );
    return { settings: configured, discover: discovery };
  };
  const toApp = (path: string) => `${app.config.APP_URL}${path}`;
  const cookieOptions = {
    httpOnly: true,
    // Lax, not Strict: the cookie must come back on the provider's top-level redirect to the callback.
    sameSite: 'lax' as const,
    secure: app.config.NODE_ENV === 'production',
    path: '/api/v1/auth/oidc',
  };

  app.get(
    '/auth/oidc/login',
    {
      config: { rateLimit: { max: app.config.NODE_ENV === 'test' ? 500 : 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Start single sign-on: redirects to the HHS identity provider',
        security: [],
        querystring: Type.Object(
          { returnTo: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: Redirect,
      },
    },
    async (request, reply) => {
      const { settings, discover } = sso();
      const configuration = await discover();
      const verifier = oidc.randomPKCECodeVerifier();
      const state = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier,
        returnTo: safeReturnTo(request.query.returnTo),
        exp: Date.now() + STATE_TTL_SECONDS * 1000,
      };
      const url = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: settings.redirectUrl.href,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: state.state,
        nonce: state.nonce,
      });
      reply.setCookie(STATE_COOKIE, sealLoginState(app.config.JWT_SECRET, state), {
        ...cookieOptions,
        maxAge: STATE_TTL_SECONDS,
      });
      return reply.redirect(url.href, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Single sign-on callback: links the directory entry by work email on first sign-in, then signs in',
        security: [],
        querystring: Type.Object({}, { additionalProperties: true }),
        response: Redirect,
      },
    },
    async (request, reply) => {
      const { settings, discover } = sso();
      const saved = openLoginState(app.config.JWT_SECRET, request.cookies[STATE_COOKIE]);
      reply.clearCookie(STATE_COOKIE, cookieOptions);
      if (!saved) return reply.redirect(toApp('/sign-in?error=sso-expired'), 302);
      const current = new URL(settings.redirectUrl);
      current.search = request.url.split('?')[1] ?? '';
      let claims: OidcClaims | undefined;
      try {
        const configuration = await discover();
        const tokens = await oidc.authorizationCodeGrant(configuration, current, {
          pkceCodeVerifier: saved.verifier,
          expectedState: saved.state,
          expectedNonce: saved.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
        // Conforming providers put scope claims in UserInfo, not the ID token, for the code flow.
        if (claims && claims.email === undefined)
          claims = {
            ...claims,
            ...(await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub)),
          };
      } catch (error) {
        request.log.warn({ err: error }, 'OIDC sign-in failed');
        return reply.redirect(toApp('/sign-in?error=sso-failed'), 302);
      }
      if (!claims) return reply.redirect(toApp('/sign-in?error=sso-failed'), 302);
      const outcome = await oidcSignIn(app.db, claims, auditContext(request));
      if (!outcome.ok)
        return reply.redirect(
          toApp(
            outcome.reason === 'not-in-directory'
              ? '/not-in-directory'
              : `/sign-in?error=sso-${outcome.reason}`,
          ),
          302,
        );
      await app.issueSession(reply, outcome.userId);
      return reply.redirect(toApp(saved.returnTo), 302);
    },
  );

  app.get(
    '/auth/oidc/logout',
    {
      schema: {
        tags: ['auth'],
        summary: "Sign out: ends the local session, then the provider's session when it offers end_session",
        security: [],
        response: Redirect,
      },
    },
    async (request, reply) => {
      const { settings, discover } = sso();
      await app.revokeSession(request); // R-SEC-6: the token stops working, not only the cookie
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      const configuration = await discover().catch(() => undefined);
      const home = toApp('/');
      if (!configuration?.serverMetadata().end_session_endpoint) return reply.redirect(home, 302);
      const url = oidc.buildEndSessionUrl(configuration, {
        client_id: settings.clientId,
        post_logout_redirect_uri: home,
      });
      return reply.redirect(url.href, 302);
    },
  );
};
export default oidcRoutes;
