import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../../lib/responses.js';
import { sendPage } from '../../../lib/pagination.js';
import { userActor } from '../../../plugins/external/auth.js';
import { AuditPageSchema, AuditQuerySchema } from '../../../schemas/audit.js';
import { searchAudit } from '../../../services/audit-search.js';

/** R-ADMIN-3: who did what, when, from where — newest first. */
const audit: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit',
    {
      onRequest: app.guards.staff,
      schema: {
        tags: ['audit'],
        summary:
          'Search the audit log (a coordinator sees rows concerning their OPDIVs; the program manager all)',
        querystring: AuditQuerySchema,
        response: responses({ 200: AuditPageSchema }, [403]),
      },
    },
    async (request, reply) =>
      sendPage(request, reply, await searchAudit(app.db, userActor(request), request.query)),
  );
};
export default audit;
