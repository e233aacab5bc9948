import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../../../lib/responses.js';
import { ReportParamsSchema, ReportQuerySchema } from '../../../../schemas/reports.js';
import { sendCsv } from '../../../http/csv.js';
import { guardRoutes } from '../../../http/guard-routes.js';
import { REPORTS, runReport } from '../../../../services/reports/index.js';

/** R-ADMIN-2: OPDIV reports for coordinators, department reports for the program manager and reporting systems. */
const reports: FastifyPluginAsyncTypebox = async (app) => {
  // Staff by session, or another system with the reports:read scope (R-API-2, R-API-3).
  guardRoutes(app, app.guards.anyOf(app.guards.staff, app.guards.scope('reports:read')));

  const ok = {
    description: 'The report as JSON, or as a CSV attachment (UTF-8 with BOM) when format=csv',
    content: { 'application/json': { schema: Type.Ref('Report') }, 'text/csv': { schema: Type.String() } },
  };
  app.get(
    '/reports/:report',
    {
      schema: {
        tags: ['reports'],
        summary: 'Participation, matching, outcomes or evaluation report (R-ADMIN-2)',
        params: ReportParamsSchema,
        querystring: ReportQuerySchema,
        response: { ...responses({}, [403]), 200: ok } as unknown as Record<
          number,
          ReturnType<typeof Type.Ref>
        >,
      },
    },
    async (request, reply) => {
      const { report } = request.params;
      const { format = 'json', header = 'keys', ...q } = request.query;
      const { meta, rows } = await runReport(app.db, request.actor!, report, q);
      const { columns, headers } = REPORTS[report]!;
      if (format === 'csv')
        return sendCsv(reply, meta, columns, rows, header === 'words' ? headers : undefined);
      return reply.type('application/json').send({ ...meta, columns, rows });
    },
  );
};
export default reports;
