import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { compareKeys, Paged, PageQuery, pageArray, sendPage } from '../../../../lib/pagination.js';
import { Type } from '@sinclair/typebox';
import { responses } from '../../../../lib/responses.js';
import { userActor } from '../../../../plugins/external/auth.js';
import { MyShortlistSchema } from '../../../../schemas/matching-staff.js';
import { myShortlists } from '../../../../services/coordination/shortlists.js';
import { guardRoutes } from '../../../http/guard-routes.js';

/** R-MATCH-3: the mentee reads the shortlists a coordinator handed them, then invites as in self-selection. */
const shortlists: FastifyPluginAsyncTypebox = async (app) => {
  guardRoutes(app, app.guards.user);
  app.get(
    '/me/shortlists',
    {
      schema: {
        tags: ['coordination'],
        summary: 'Mentors a coordinator suggested to me, with their note (R-MATCH-3)',
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: responses({ 200: Paged(MyShortlistSchema) }),
      },
    },
    async (request, reply) =>
      sendPage(
        request,
        reply,
        pageArray(
          await myShortlists(app.db, userActor(request)),
          request.query,
          (s) => [s.handedAt, s.id],
          compareKeys(0, 1),
        ),
      ),
  );
};
export default shortlists;
