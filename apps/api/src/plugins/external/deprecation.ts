import fp from 'fastify-plugin';
import { deprecationHeaders, deprecationOf } from '../../lib/deprecation.js';

/** R-API-7: a route declared with `config.deprecated` sends Deprecation, Sunset and Link on every response. */
export default fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      const deprecation = deprecationOf(route.config);
      if (!deprecation) return;
      const { link, ...headers } = deprecationHeaders(deprecation);
      const hooks = [route.onSend ?? []].flat();
      route.onSend = [
        ...hooks,
        async (_request, reply, payload) => {
          reply.headers(headers);
          // A page's `rel="next"` link stays; the deprecation links join it (RFC 8288 allows a list).
          const next = reply.getHeader('link');
          reply.header('link', next ? `${String(next)}, ${link}` : link);
          return payload;
        },
      ];
    });
  },
  { name: 'deprecation' },
);
