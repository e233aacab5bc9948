import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../../lib/responses.js';
import { guardRoutes } from '../../http/guard-routes.js';
import { ExportParamsSchema, ExportQuerySchema } from '../../../schemas/exports.js';
import { openExport } from '../../../services/integrations/exports/index.js';
import { exportFormat, sendExport } from '../../http/export-stream.js';

/** R-EXP-1..4: record-level exports for reporting systems (reports:read), the program manager and coordinators. */
const exportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  guardRoutes(app, app.guards.anyOf(app.guards.staff, app.guards.scope('reports:read')));

  const ok = {
    description:
      'The records, streamed: one JSON object per line (NDJSON), or CSV with a header row of the column keys',
    content: {
      'application/x-ndjson': { schema: Type.String() },
      'text/csv': { schema: Type.String() },
    },
  };
  app.get(
    '/exports/:name',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Record export: participants, relationships with milestones and outcomes, training attendance, or survey answers with small groups suppressed (R-EXP-1; scope reports:read)',
        params: ExportParamsSchema,
        querystring: ExportQuerySchema,
        response: { ...responses({}, [403, 429]), 200: ok } as unknown as Record<
          number,
          ReturnType<typeof Type.Ref>
        >,
      },
    },
    async (request, reply) => {
      const { format, ...q } = request.query;
      const open = await openExport(app.database, request.actor!, request.params.name, q);
      return sendExport(reply, open, exportFormat(format, request.headers.accept));
    },
  );
};
export default exportsRoutes;
