import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DirectoryQuerySchema,
  EmployeePageSchema,
  EmployeeParamsSchema,
} from '../../../schemas/directory.js';
import { responses } from '../../../lib/responses.js';
import { Type } from '@sinclair/typebox';
import { userActor } from '../../../plugins/external/auth.js';
import { getEmployee, presentEmployees, searchDirectory } from '../../../services/journey/directory.js';
import { problems } from '../../../lib/problem.js';
import { sendPage } from '../../../lib/pagination.js';

const directory: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/directory',
    {
      onRequest: app.guards.user,
      schema: {
        tags: ['directory'],
        summary: 'Search the employee directory by name prefix, OPDIV and location',
        querystring: DirectoryQuerySchema,
        response: responses({ 200: EmployeePageSchema }),
      },
    },
    async (request, reply) =>
      sendPage(request, reply, await searchDirectory(app.db, userActor(request), request.query)),
  );

  app.get(
    '/directory/:id',
    {
      onRequest: app.guards.user,
      schema: {
        tags: ['directory'],
        summary: "One employee's directory entry (contact details per R-SEC-2 / R-MATCH-5)",
        params: EmployeeParamsSchema,
        response: responses({ 200: Type.Ref('Employee') }, [404]),
      },
    },
    async (request) => {
      const row = await getEmployee(app.db, request.params.id);
      if (!row || !row.active) throw problems.notFound('That employee');
      const [employee] = await presentEmployees(app.db, userActor(request), [row]);
      return employee!;
    },
  );
};
export default directory;
