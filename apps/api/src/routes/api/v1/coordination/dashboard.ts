import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Paged, responses } from '../../../../lib/responses.js';
import { sendPage } from '../../../../lib/pagination.js';
import { userActor } from '../../../../plugins/external/auth.js';
import {
  ScopedPageQuerySchema,
  ScopeQuerySchema,
  TerminationRequestSchema,
  UnmatchedMenteeSchema,
} from '../../../../schemas/coordination.js';
import { cachedDashboard } from '../../../../services/coordination/dashboard.js';
import { requestScope } from '../../../../services/coordination/scope.js';
import { terminationRequestsAwaitingGuidance } from '../../../../services/coordination/termination-requests.js';
import { unmatchedQueue } from '../../../../services/coordination/unmatched.js';
import { guardRoutes } from '../../../http/guard-routes.js';

const tags = ['coordination'];

/** R-ADMIN-1: what needs the coordinator (their OPDIVs) or the program manager (any or all). */
const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  guardRoutes(app, app.guards.staff);

  app.get(
    '/coordination/dashboard',
    {
      schema: {
        tags,
        summary: 'Coordinator dashboard (R-ADMIN-1), computed in the database',
        querystring: ScopeQuerySchema,
        response: responses({ 200: Type.Ref('CoordinatorDashboard') }, [403]),
      },
    },
    async (request) => cachedDashboard(app.db, requestScope(userActor(request), request.query.opdiv)),
  );

  app.get(
    '/coordination/unmatched',
    {
      schema: {
        tags,
        summary:
          'Mentees in scope with an active application and no live relationship, longest waiting first',
        querystring: ScopedPageQuerySchema,
        response: responses({ 200: Paged(UnmatchedMenteeSchema) }, [403]),
      },
    },
    async (request, reply) => {
      return sendPage(
        request,
        reply,
        await unmatchedQueue(app.db, requestScope(userActor(request), request.query.opdiv), request.query),
      );
    },
  );

  app.get(
    '/coordination/termination-requests',
    {
      schema: {
        tags,
        summary: 'Termination requests in scope awaiting guidance, oldest first (R-LIFE-7)',
        querystring: ScopedPageQuerySchema,
        response: responses({ 200: Paged(TerminationRequestSchema) }, [403]),
      },
    },
    async (request, reply) => {
      return sendPage(
        request,
        reply,
        await terminationRequestsAwaitingGuidance(
          app.db,
          requestScope(userActor(request), request.query.opdiv),
          request.query,
        ),
      );
    },
  );
};
export default dashboardRoutes;
