import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const OIDC_CLIENT = { id: 'hhs-mentoring-test', secret: 'test-client-secret-0123456789abcdef' };
export const APP_URL = 'http://localhost:3000';
export const REDIRECT_URL = `${APP_URL}/api/v1/auth/oidc/callback`;

/** People the test identity provider knows: the account id is the subject, the claims what it vouches for. */
export type IdpPerson = { sub: string; email: string; emailVerified?: boolean };

/**
 * A real OpenID Connect provider (oidc-provider) on a port the system assigns, with our client registered and
 * development interactions (a login form that accepts any user name, then consent) that the test fills in.
 */
export async function startIdp(people: IdpPerson[]) {
  const bySub = new Map(people.map((p) => [p.sub, p]));
  // A port the system assigns (never one another test server picked at random); the issuer needs it first.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [REDIRECT_URL],
        post_logout_redirect_uris: [`${APP_URL}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    findAccount: (_ctx, sub) => {
      const person = bySub.get(sub);
      return person
        ? {
            accountId: sub,
            claims: () => ({ sub, email: person.email, email_verified: person.emailVerified ?? true }),
          }
        : undefined;
    },
  });
  server.on('request', provider.callback());
  return { issuer, provider, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A browser's cookie jar, enough for one origin. */
class Jar {
  private cookies = new Map<string, string>();
  store(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Plays the person at the provider: follows the authorization URL, signs in as `sub` on the login form, consents,
 * and returns the URL the provider sends the browser back to (our callback with code and state).
 */
export async function signInAtIdp(authorizationUrl: string, sub: string): Promise<URL> {
  const jar = new Jar();
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body } : {}),
    });
    jar.store(res);
    body = undefined;
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT_URL)) return next;
      url = next.href;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200)
      throw new Error(`identity provider answered ${res.status}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt)
      throw new Error(`unexpected page at the identity provider: ${html.slice(0, 300)}`);
    url = new URL(action, url).href;
    body = new URLSearchParams(prompt === 'login' ? { prompt, login: sub, password: 'any' } : { prompt });
  }
  throw new Error('too many redirects at the identity provider');
}
