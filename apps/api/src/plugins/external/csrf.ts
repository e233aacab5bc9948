import fp from 'fastify-plugin';
import type { Config } from '../../config.js';
import { Problem } from '../../lib/problem.js';
import { SESSION_COOKIE } from './auth.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * R-SEC-5: a state-changing request that carries the session cookie must come from the app's own origin:
 * `Sec-Fetch-Site: same-origin`, or (browsers without Fetch Metadata) an `Origin` equal to APP_URL's. A missing or
 * foreign origin is refused, so other *.hhs.gov sites (the same "site" for SameSite) cannot act with the cookie.
 * Bearer-token calls carry no ambient credential and are not checked (decision 0801).
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const appOrigin = new URL(config.APP_URL).origin;
    app.addHook('onRequest', async (request) => {
      if (SAFE_METHODS.has(request.method) || !request.cookies[SESSION_COOKIE]) return;
      if (/^Bearer\s/i.test(request.headers.authorization ?? '')) return;
      const site = request.headers['sec-fetch-site'];
      const sameOrigin = site === undefined ? request.headers.origin === appOrigin : site === 'same-origin';
      if (!sameOrigin)
        throw new Problem(
          403,
          'rule/R-SEC-5',
          'Request refused',
          'This request did not come from the mentoring site. Reload the page and try again.',
          { rule: 'R-SEC-5' },
        );
    });
  },
  { name: 'csrf', dependencies: ['auth'] },
);
