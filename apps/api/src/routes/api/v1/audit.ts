import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../../lib/responses.js';
import { guardRoutes } from '../../http/guard-routes.js';
import { sendPage } from '../../../lib/pagination.js';
import { AuditPageSchema, AuditQuerySchema } from '../../../schemas/audit.js';
import { searchAudit } from '../../../services/integrations/audit-search.js';

/** R-ADMIN-3: who did what, when, from where — newest first. */
const audit: FastifyPluginAsyncTypebox = async (app) => {
  // R-AUD-1: staff by session, or a security monitor (a system client with the audit:read scope).
  guardRoutes(app, app.guards.anyOf(app.guards.staff, app.guards.scope('audit:read')));
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Search the audit log (a coordinator sees rows concerning their OPDIVs; the program manager and a system client with audit:read all)',
        querystring: AuditQuerySchema,
        response: responses({ 200: AuditPageSchema }, [403]),
      },
    },
    async (request, reply) =>
      sendPage(request, reply, await searchAudit(app.db, request.actor!, request.query)),
  );
};
export default audit;
