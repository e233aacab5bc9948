import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CHANGE_FEEDS, type ChangeFeed } from '../../../db/schema/index.js';
import { Paged, PageQuery, sendPage } from '../../../lib/pagination.js';
import { responses } from '../../../lib/responses.js';
import { readChanges } from '../../../services/integrations/change-feeds.js';

const ChangeSchema = Type.Object({
  id: Type.String({
    description:
      'The changed record: employee id, invitation or relationship id, `mentor:E…`/`mentee:E…` for applications, attendance id',
  }),
  op: Type.Union([Type.Literal('insert'), Type.Literal('update'), Type.Literal('delete')]),
  changedAt: Type.String({ format: 'date-time' }),
});
const page = Paged(ChangeSchema);
const ChangePageSchema = Type.Object(
  {
    ...page.properties,
    resume: Type.String({ description: 'The cursor to poll with later, also when `next` is null' }),
  },
  { headers: page.headers as unknown },
);

/** R-API-5: the directory feed needs directory:read (HR reconciliation); the program's records need reports:read. */
export const feedScope = (feed: ChangeFeed) => (feed === 'employees' ? 'directory:read' : 'reports:read');

const changes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/changes/:feed',
    {
      preHandler: app.guards.scopeByParameter(
        'feed',
        Object.fromEntries(CHANGE_FEEDS.map((feed) => [feed, feedScope(feed)])),
      ),
      schema: {
        tags: ['integrations'],
        summary:
          'What changed since a cursor, oldest first; never skips a change that committed late (R-API-5; scope reports:read, or directory:read for employees)',
        params: Type.Object({ feed: Type.Union(CHANGE_FEEDS.map((f) => Type.Literal(f))) }),
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: responses({ 200: ChangePageSchema }, [403]),
      },
    },
    async (request, reply) => {
      const page = await readChanges(app.db, request.params.feed, request.query);
      return { ...sendPage(request, reply, page), resume: page.resume };
    },
  );
};
export default changes;
