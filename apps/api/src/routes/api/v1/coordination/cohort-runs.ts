import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../../../lib/responses.js';
import { userActor } from '../../../../plugins/external/auth.js';
import { cohortRuns } from '../../../../services/coordination/cohort-runs.js';

/** R-MATCH-4: the history of cohort-matching runs, so a person can see afterwards what was approved. */
const cohortRunHistory: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.guards.staff);
  app.get(
    '/coordination/cohort-runs',
    {
      schema: {
        tags: ['coordination'],
        summary: 'The latest cohort-matching runs in my scope and what was approved from each',
        response: responses({ 200: Type.Array(Type.Ref('CohortRun')) }, [403]),
      },
    },
    async (request) => cohortRuns(app.db, userActor(request)),
  );
};
export default cohortRunHistory;
