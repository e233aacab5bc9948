import { createHmac, timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import type { Config } from '../../config.js';

export type OidcSettings = {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUrl: URL;
  insecure: boolean;
};

/** The OIDC settings when single sign-on is configured (R-ACC-1), otherwise undefined. */
export function oidcSettings(config: Config): OidcSettings | undefined {
  if (!config.OIDC_ISSUER_URL || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET) return undefined;
  const issuer = new URL(config.OIDC_ISSUER_URL);
  // Plain http only outside production: local and test providers.
  const insecure = issuer.protocol === 'http:';
  if (insecure && config.NODE_ENV === 'production')
    throw new Error('OIDC_ISSUER_URL must be https in production');
  return {
    issuer,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    redirectUrl: new URL(config.OIDC_REDIRECT_URL ?? `${config.APP_URL}/api/v1/auth/oidc/callback`),
    insecure,
  };
}

/** The provider's configuration, discovered on first use (the provider may be down when the API starts), then cached. */
export function oidcDiscovery(settings: OidcSettings) {
  let pending: Promise<oidc.Configuration> | undefined;
  return () => {
    pending ??= oidc
      .discovery(
        settings.issuer,
        settings.clientId,
        settings.clientSecret,
        undefined,
        settings.insecure ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        pending = undefined; // try again on the next sign-in
        throw error;
      });
    return pending;
  };
}

export type LoginState = { state: string; nonce: string; verifier: string; returnTo: string; exp: number };

/** The login round trip's secrets travel in an HMAC-signed, short-lived httpOnly cookie, so no server state is kept. */
export function sealLoginState(secret: string, value: LoginState): string {
  const body = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

export function openLoginState(secret: string, sealed: string | undefined): LoginState | undefined {
  const [body, mac] = (sealed ?? '').split('.');
  if (!body || !mac) return undefined;
  const expected = Buffer.from(createHmac('sha256', secret).update(body).digest('base64url'));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const value = JSON.parse(Buffer.from(body, 'base64url').toString()) as LoginState;
  return value.exp > Date.now() ? value : undefined;
}

/** Only a path inside the web app, never another site ("//evil.example" or "https://…"). */
export const safeReturnTo = (value: string | undefined) =>
  value && /^\/(?![/\\])[\w\-./?=&%#]*$/.test(value) ? value : '/';
