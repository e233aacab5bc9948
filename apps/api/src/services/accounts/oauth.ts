import type { Db } from '../../db/client.js';
import { SYSTEM_SCOPES } from '../../db/schema/integrations.js';
import { audit } from '../platform/audit.js';
import { authenticateClient, TOKEN_TTL_SECONDS } from './system-clients.js';
import type { TokenRequest } from '../../schemas/integrations.js';

type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_scope' | 'unsupported_grant_type';

/** RFC 6749 §5.2 error, carrying the RFC 9457 members too so both kinds of caller can read it. */
export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    readonly status = code === 'invalid_client' ? 401 : 400,
  ) {
    super(description);
  }
  toBody() {
    return {
      error: this.code,
      error_description: this.description,
      type: `https://mentoring.hhs.gov/problems/oauth/${this.code}`,
      title: 'The token request was refused',
      status: this.status,
      detail: `${this.description} (R-API-2)`,
    };
  }
}

export type Credentials = { clientId: string; clientSecret: string; viaBasic: boolean };

/** RFC 6749 §2.3.1: HTTP Basic (form-urlencoded id and secret) or the two body parameters — not both. */
export function readCredentials(authorization: string | undefined, body: TokenRequest): Credentials {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (basic) {
    if (body.client_id !== undefined && body.client_secret !== undefined)
      throw new OAuthError(
        'invalid_request',
        'Send the client credentials one way only: HTTP Basic or the body.',
      );
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new OAuthError('invalid_client', 'The Basic credentials are malformed.');
    const unescape = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    try {
      return {
        clientId: unescape(decoded.slice(0, colon)),
        clientSecret: unescape(decoded.slice(colon + 1)),
        viaBasic: true,
      };
    } catch {
      throw new OAuthError('invalid_client', 'The Basic credentials are malformed.');
    }
  }
  if (!body.client_id || !body.client_secret)
    throw new OAuthError('invalid_client', 'Client authentication is missing.');
  return { clientId: body.client_id, clientSecret: body.client_secret, viaBasic: false };
}

/** R-API-2: the client-credentials grant (RFC 6749 §4.4): a short-lived token for scopes ⊆ the client's scopes. */
export async function issueToken(
  db: Db,
  sign: (clientId: string, name: string, scopes: string[], ttl: number) => string,
  credentials: Credentials,
  body: TokenRequest,
  ip: string,
  requestId: string,
) {
  if (!body.grant_type) throw new OAuthError('invalid_request', 'grant_type is required.');
  if (body.grant_type !== 'client_credentials')
    throw new OAuthError('unsupported_grant_type', 'Only the client_credentials grant is supported.');
  const client = await authenticateClient(db, credentials.clientId, credentials.clientSecret);
  const ctx = {
    actorId: `client:${credentials.clientId}`,
    actorLabel: client?.name ?? 'unknown system client',
    ip,
    requestId,
  };
  if (!client) {
    await audit(db, ctx, {
      action: 'oauth.token_refused',
      objectType: 'system_client',
      objectId: null,
      detail: { clientId: credentials.clientId.slice(0, 64) },
    });
    throw new OAuthError('invalid_client', 'The client is unknown, revoked, or the secret is wrong.');
  }
  const requested = body.scope?.trim() ? [...new Set(body.scope.trim().split(/\s+/))] : client.scopes;
  const notGranted = requested.filter(
    (s) => !client.scopes.includes(s) || !(SYSTEM_SCOPES as readonly string[]).includes(s),
  );
  if (notGranted.length > 0)
    throw new OAuthError('invalid_scope', `This client was not granted: ${notGranted.join(', ')}.`);
  await audit(db, ctx, {
    action: 'oauth.token',
    objectType: 'system_client',
    objectId: client.id,
    detail: { scopes: requested },
  });
  return {
    access_token: sign(client.id, client.name, requested, TOKEN_TTL_SECONDS),
    token_type: 'Bearer' as const,
    expires_in: TOKEN_TTL_SECONDS,
    scope: requested.join(' '),
  };
}
