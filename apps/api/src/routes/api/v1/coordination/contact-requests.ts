import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Paged, responses } from '../../../../lib/responses.js';
import { sendPage } from '../../../../lib/pagination.js';
import { userActor } from '../../../../plugins/external/auth.js';
import { IdParamsSchema } from '../../../../schemas/coordination.js';
import { ContactRequestQuerySchema, ContactRequestSchema } from '../../../../schemas/contact-requests.js';
import { auditContext } from '../../../http/audit-context.js';
import { requestScope } from '../../../../services/coordination/scope.js';
import { listContactRequests, resolveContactRequest } from '../../../../services/journey/contact-requests.js';
import { guardRoutes } from '../../../http/guard-routes.js';

const tags = ['coordination'];

/** R-LIFE-4: partners' requests for the coordinator to contact them (raised in progress reports). */
const contactRequestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  guardRoutes(app, app.guards.staff);

  app.get(
    '/coordination/contact-requests',
    {
      schema: {
        tags,
        summary: 'Help requests of pairs in scope (R-LIFE-4), open first, oldest first',
        querystring: ContactRequestQuerySchema,
        response: responses({ 200: Paged(ContactRequestSchema) }, [403]),
      },
    },
    async (request, reply) => {
      const { opdiv, status = 'open' } = request.query;
      return sendPage(
        request,
        reply,
        await listContactRequests(app.db, requestScope(userActor(request), opdiv), status, request.query),
      );
    },
  );

  app.post(
    '/coordination/contact-requests/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Mark a help request handled (R-LIFE-4)',
        params: IdParamsSchema,
        response: responses({ 200: ContactRequestSchema }, [403, 404, 409]),
      },
    },
    async (request) =>
      resolveContactRequest(app.db, userActor(request), request.params.id, auditContext(request)),
  );
};
export default contactRequestRoutes;
