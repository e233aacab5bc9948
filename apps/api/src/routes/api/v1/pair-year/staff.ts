import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { compareKeys, Paged, PageQuery, pageArray, sendPage } from '../../../../lib/pagination.js';
import { Type } from '@sinclair/typebox';
import { responses } from '../../../../lib/responses.js';
import { userActor } from '../../../../plugins/external/auth.js';
import { ScopeQuerySchema } from '../../../../schemas/coordination.js';
import { PairYearCountsSchema, QuietPairSchema } from '../../../../schemas/pair-year.js';
import { requestScope } from '../../../../services/coordination/scope.js';
import { quietPairs } from '../../../../services/pair-year/cadence-watch.js';
import { pairYearCounts } from '../../../../services/pair-year/staff-counts.js';
import { guardRoutes } from '../../../http/guard-routes.js';

const tags = ['coordination'];

/** R-MEET-6 quiet pairs and the dashboard counts of issue 17, in the coordinator's scope (R-ROLE-2). */
const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  guardRoutes(app, app.guards.staff);
  app.get(
    '/coordination/quiet-pairs',
    {
      schema: {
        tags,
        summary: 'Pairs with no meeting held for twice their agreed interval, quietest first (R-MEET-6)',
        querystring: Type.Composite([ScopeQuerySchema, Type.Object(PageQuery)]),
        response: responses({ 200: Paged(QuietPairSchema) }, [403]),
      },
    },
    async (request, reply) =>
      sendPage(
        request,
        reply,
        pageArray(
          await quietPairs(app.db, requestScope(userActor(request), request.query.opdiv)),
          request.query,
          (q) => [new Date(q.lastMeetingAt ?? q.confirmedAt).toISOString(), q.relationshipId],
          compareKeys(),
        ),
      ),
  );
  app.get(
    '/coordination/pair-year',
    {
      schema: {
        tags,
        summary:
          'Quiet pairs, reminders sent, waiting mentees and early completions in scope (dashboard counts)',
        querystring: ScopeQuerySchema,
        response: responses({ 200: PairYearCountsSchema }, [403]),
      },
    },
    async (request) => pairYearCounts(app.db, requestScope(userActor(request), request.query.opdiv)),
  );
};
export default staffRoutes;
