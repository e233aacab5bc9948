import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../../../lib/responses.js';
import { userActor } from '../../../../plugins/external/auth.js';
import {
  ProgressInputSchema,
  ProgressSchema,
  RoleParamsSchema,
  SurveyInputSchema,
  SurveySchema,
} from '../../../../schemas/relationships.js';
import { auditContext } from '../../../http/audit-context.js';
import { readReport, saveReport } from '../../../../services/journey/partner-reports.js';
import { requiredVersion, withEtag } from './version.js';

const tags = ['relationships'];

/** 6-month progress reports (R-LIFE-4) and completion surveys (R-LIFE-5): one per partner, author + coordinators only. */
const reports: FastifyPluginAsyncTypebox = async (app) => {
  const url = app.config.APP_URL;
  const params = RoleParamsSchema;

  app.get(
    '/relationships/:id/progress-reports/:role',
    {
      schema: {
        tags,
        summary: "A partner's 6-month progress report (its author, coordinators)",
        params,
        response: responses({ 200: ProgressSchema }, [403, 404]),
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await readReport(
          app.db,
          userActor(request),
          'progress',
          request.params.id,
          request.params.role,
          auditContext(request),
        ),
      ),
  );
  app.put(
    '/relationships/:id/progress-reports/:role',
    {
      schema: {
        tags,
        summary: 'Save or submit my progress report (R-LIFE-4: can ask for the coordinator)',
        params,
        body: ProgressInputSchema,
        response: responses({ 200: ProgressSchema }, [403, 404, 409, 412]),
      },
    },
    async (request, reply) => {
      const { version: _v, ...input } = request.body;
      return withEtag(
        reply,
        await saveReport(
          app.db,
          userActor(request),
          'progress',
          request.params.id,
          request.params.role,
          input,
          requiredVersion(request, request.body),
          auditContext(request),
          url,
        ),
      );
    },
  );
  app.get(
    '/relationships/:id/completion-surveys/:role',
    {
      schema: {
        tags,
        summary: "A partner's completion survey (its author, coordinators)",
        params,
        response: responses({ 200: SurveySchema }, [403, 404]),
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await readReport(
          app.db,
          userActor(request),
          'survey',
          request.params.id,
          request.params.role,
          auditContext(request),
        ),
      ),
  );
  app.put(
    '/relationships/:id/completion-surveys/:role',
    {
      schema: {
        tags,
        summary: 'Save or submit my completion survey (R-LIFE-5)',
        params,
        body: SurveyInputSchema,
        response: responses({ 200: SurveySchema }, [403, 404, 409, 412]),
      },
    },
    async (request, reply) => {
      const { version: _v, ...input } = request.body;
      return withEtag(
        reply,
        await saveReport(
          app.db,
          userActor(request),
          'survey',
          request.params.id,
          request.params.role,
          input,
          requiredVersion(request, request.body),
          auditContext(request),
          url,
        ),
      );
    },
  );
};
export default reports;
