import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { asc } from 'drizzle-orm';
import { competencies, opdivs } from '../../../db/schema/index.js';
import { nudgeSettingsProblems } from '@hhs-mentoring/domain';
import { problems } from '../../../lib/problem.js';
import { responses } from '../../../lib/responses.js';
import { ProgramSettingsValueSchema } from '../../../schemas/reference.js';
import { readSettings, writeSettings } from '../../../services/platform/settings.js';
import { auditContext } from '../../http/audit-context.js';

/** R-NUDGE-1/R-NUDGE-2 settings that would keep a reminder from going out, refused like any other field error. */
const badSettings = (errors: { field: string; message: string }[]) =>
  problems.badRequest(errors.map((e) => e.message).join(' '), errors);

const reference: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/competencies',
    {
      schema: {
        tags: ['reference'],
        summary: 'OPM leadership and HHS core competencies with definitions (R-COMP-1)',
        security: [],
        response: { 200: Type.Array(Type.Ref('Competency')) },
      },
    },
    async () => app.db.select().from(competencies).orderBy(asc(competencies.group), asc(competencies.name)),
  );
  app.get(
    '/opdivs',
    {
      schema: {
        tags: ['reference'],
        summary: 'HHS operating and staff divisions',
        security: [],
        response: { 200: Type.Array(Type.Ref('Opdiv')) },
      },
    },
    async () => app.db.select().from(opdivs).orderBy(asc(opdivs.code)),
  );
  app.get(
    '/settings',
    {
      onRequest: app.guards.user,
      schema: {
        tags: ['reference'],
        summary: 'Program settings',
        response: responses({ 200: Type.Ref('ProgramSettings') }),
      },
    },
    async () => readSettings(app.db),
  );
  app.put(
    '/settings',
    {
      onRequest: app.guards.programManager,
      schema: {
        tags: ['reference'],
        summary: 'Change program settings (program manager)',
        body: ProgramSettingsValueSchema,
        response: responses({ 200: Type.Ref('ProgramSettings') }, [403]),
      },
    },
    async (request) => {
      const refused = nudgeSettingsProblems(request.body);
      if (refused.length)
        throw badSettings(refused.map((p) => ({ field: `/body${p.field}`, message: p.message })));
      return writeSettings(app.db, request.body, auditContext(request));
    },
  );
};
export default reference;
