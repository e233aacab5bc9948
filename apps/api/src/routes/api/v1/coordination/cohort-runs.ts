import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Paged, PageQuery, sendPage } from '../../../../lib/pagination.js';
import { responses } from '../../../../lib/responses.js';
import { userActor } from '../../../../plugins/external/auth.js';
import { cohortRuns } from '../../../../services/coordination/cohort-runs.js';
import { guardRoutes } from '../../../http/guard-routes.js';

/** R-MATCH-4: the history of cohort-matching runs, so a person can see afterwards what was approved. */
const cohortRunHistory: FastifyPluginAsyncTypebox = async (app) => {
  guardRoutes(app, app.guards.staff);
  app.get(
    '/coordination/cohort-runs',
    {
      schema: {
        tags: ['coordination'],
        summary: 'The cohort-matching runs in my scope, newest first, and what was approved from each',
        querystring: Type.Object(PageQuery),
        response: responses({ 200: Paged(Type.Ref('CohortRun')) }, [403]),
      },
    },
    async (request, reply) =>
      sendPage(request, reply, await cohortRuns(app.db, userActor(request), request.query)),
  );
};
export default cohortRunHistory;
