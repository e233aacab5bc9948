import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../../../lib/responses.js';
import {
  HrBatchResultSchema,
  HrBatchSchema,
  HrDirectoryEntrySchema,
  HrDirectoryQuerySchema,
  IdempotencyHeadersSchema,
} from '../../../../schemas/hr-feed.js';
import { Paged, sendPage } from '../../../../lib/pagination.js';
import { readDirectory } from '../../../../services/integrations/hr-feed-read.js';
import { LmsBatchSchema, LmsResultSchema } from '../../../../schemas/lms.js';
import { auditContext } from '../../../http/audit-context.js';
import { upsertEmployees } from '../../../../services/integrations/hr-feed.js';
import { idempotent } from '../../../http/idempotency.js';
import { recordCompletions } from '../../../../services/integrations/lms.js';

/** R-API-3: writes from other HHS systems, each behind its scope (R-API-2) and an optional Idempotency-Key. */
const feeds: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/integrations/hr/employees',
    {
      onRequest: app.guards.scope('directory:write'),
      // 10,000 rows of about 400 bytes each.
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags: ['integrations'],
        summary:
          'HR feed: upsert up to 10,000 employees; any invalid row rejects the whole batch (scope directory:write)',
        headers: IdempotencyHeadersSchema,
        body: HrBatchSchema,
        response: responses({ 200: HrBatchResultSchema }, [403, 422]),
      },
    },
    async (request, reply) =>
      idempotent(app.db, request, reply, (tx) =>
        upsertEmployees(tx, auditContext(request), request.body.employees, app.config.APP_URL),
      ),
  );

  app.get(
    '/integrations/hr/employees',
    {
      onRequest: app.guards.scope('directory:read'),
      schema: {
        tags: ['integrations'],
        summary:
          'HR reconciliation: the directory as HR fed it, by employee id; follow /changes/employees for what changed (R-DIR-4; scope directory:read)',
        querystring: HrDirectoryQuerySchema,
        response: responses({ 200: Paged(HrDirectoryEntrySchema) }, [403]),
      },
    },
    async (request, reply) => sendPage(request, reply, await readDirectory(app.db, request.query)),
  );

  app.post(
    '/integrations/lms/completions',
    {
      onRequest: app.guards.scope('training:write'),
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['integrations'],
        summary:
          'LMS: training completions become attendance; unknown people or courses are reported per row (scope training:write)',
        headers: IdempotencyHeadersSchema,
        body: LmsBatchSchema,
        response: responses({ 200: LmsResultSchema }, [403, 422]),
      },
    },
    async (request, reply) =>
      idempotent(app.db, request, reply, (tx) =>
        recordCompletions(tx, auditContext(request), request.body.completions),
      ),
  );
};
export default feeds;
