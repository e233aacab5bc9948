import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { problems } from '../../../../lib/problem.js';
import { responses } from '../../../../lib/responses.js';
import { FeedTokenParamsSchema } from '../../../../schemas/pair-year.js';
import { feedFor } from '../../../../services/pair-year/calendar-feed.js';

/** R-MEET-4: the read-only feed a calendar subscribes to; the secret token in the URL is the only credential. */
const feedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/calendar/:token',
    {
      schema: {
        tags: ['meetings'],
        summary: 'My meetings and training as an iCalendar feed (token from /me/calendar-feed)',
        params: FeedTokenParamsSchema,
        security: [],
        response: {
          ...responses({}, [404]),
          200: { description: 'text/calendar', content: { 'text/calendar': { schema: Type.String() } } },
        } as unknown as Record<number, ReturnType<typeof Type.Ref>>,
      },
    },
    async (request, reply) => {
      const body = await feedFor(app.db, request.params.token.replace(/\.ics$/, ''), app.config.APP_URL);
      if (body === null) throw problems.notFound('That calendar feed');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(body);
    },
  );
};
export default feedRoutes;
