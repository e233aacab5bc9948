import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { compareKeys, Paged, pageArray, sendPage } from '../../../../lib/pagination.js';
import { NoContent, responses } from '../../../../lib/responses.js';
import {
  CoordinatorGrantSchema,
  GrantCoordinatorSchema,
  IdParamsSchema,
  ScopedPageQuerySchema,
} from '../../../../schemas/coordination.js';
import { auditContext } from '../../../http/audit-context.js';
import {
  grantCoordinator,
  listCoordinators,
  revokeCoordinator,
} from '../../../../services/coordination/coordinators.js';
import { guardRoutes } from '../../../http/guard-routes.js';

const tags = ['coordination'];

/** Program settings: who coordinates which OPDIV (R-ROLE-2). Program manager only; every change audited. */
const coordinators: FastifyPluginAsyncTypebox = async (app) => {
  guardRoutes(app, app.guards.programManager);

  app.get(
    '/admin/coordinators',
    {
      schema: {
        tags,
        summary: 'Coordinator grants, by OPDIV',
        querystring: ScopedPageQuerySchema,
        response: responses({ 200: Paged(CoordinatorGrantSchema) }, [403]),
      },
    },
    async (request, reply) =>
      sendPage(
        request,
        reply,
        pageArray(
          await listCoordinators(app.db, request.query.opdiv),
          request.query,
          (g) => [g.opdiv, g.employee.name, g.id],
          compareKeys(),
        ),
      ),
  );

  app.post(
    '/admin/coordinators',
    {
      schema: {
        tags,
        summary:
          'Make a person a coordinator of an OPDIV, named by user id, employee id or work email (they need an account, R-ACC-1)',
        body: GrantCoordinatorSchema,
        response: responses({ 201: CoordinatorGrantSchema }, [403, 404, 409]),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await grantCoordinator(app.db, request.body, auditContext(request))),
  );

  app.delete(
    '/admin/coordinators/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a coordinator grant',
        params: IdParamsSchema,
        response: responses({ 204: NoContent }, [403, 404]),
      },
    },
    async (request, reply) => {
      await revokeCoordinator(app.db, request.params.id, auditContext(request));
      return reply.code(204).send();
    },
  );
};
export default coordinators;
