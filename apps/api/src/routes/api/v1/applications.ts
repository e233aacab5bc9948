import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  MenteeApplicationInputSchema,
  MentorApplicationInputSchema,
  MyApplicationsSchema,
} from '../../../schemas/applications.js';
import { NoContent, responses } from '../../../lib/responses.js';
import { userActor } from '../../../plugins/external/auth.js';
import {
  myApplications,
  saveMenteeApplication,
  saveMentorApplication,
  setMentorPaused,
  withdrawApplication,
} from '../../../services/journey/applications.js';
import { auditContext } from '../../http/audit-context.js';
import { guardRoutes } from '../../http/guard-routes.js';

const RoleParams = Type.Object({ role: Type.Union([Type.Literal('mentor'), Type.Literal('mentee')]) });

const applications: FastifyPluginAsyncTypebox = async (app) => {
  guardRoutes(app, app.guards.user);

  app.get(
    '/me/applications',
    {
      schema: {
        tags: ['applications'],
        summary: 'My mentor and mentee applications',
        response: responses({ 200: MyApplicationsSchema }),
      },
    },
    async (request) => myApplications(app.db, userActor(request)),
  );
  app.put(
    '/me/applications/mentor',
    {
      schema: {
        tags: ['applications'],
        summary: 'Apply as a mentor, or update my mentor application (R-APP-1)',
        body: MentorApplicationInputSchema,
        response: responses({ 200: Type.Ref('MentorApplication') }, [409, 422]),
      },
    },
    async (request) =>
      saveMentorApplication(
        app.db,
        userActor(request),
        request.body,
        auditContext(request),
        app.config.APP_URL,
      ),
  );
  app.put(
    '/me/applications/mentee',
    {
      schema: {
        tags: ['applications'],
        summary: 'Apply as a mentee, or update my mentee application (R-APP-1)',
        body: MenteeApplicationInputSchema,
        response: responses({ 200: Type.Ref('MenteeApplication') }, [409, 422]),
      },
    },
    async (request) => saveMenteeApplication(app.db, userActor(request), request.body, auditContext(request)),
  );
  for (const paused of [true, false]) {
    app.post(
      `/me/applications/mentor/${paused ? 'pause' : 'resume'}`,
      {
        schema: {
          tags: ['applications'],
          summary: paused
            ? 'Pause my availability as a mentor; current mentees stay (R-APP-2)'
            : 'Resume my availability as a mentor',
          response: responses({ 200: Type.Ref('MentorApplication') }, [404]),
        },
      },
      async (request) =>
        setMentorPaused(app.db, userActor(request), paused, auditContext(request), app.config.APP_URL),
    );
  }
  app.delete(
    '/me/applications/:role',
    {
      schema: {
        tags: ['applications'],
        summary: 'Withdraw my mentor or mentee application',
        params: RoleParams,
        response: responses({ 204: NoContent }, [404, 409]),
      },
    },
    async (request, reply) => {
      await withdrawApplication(app.db, userActor(request), request.params.role, auditContext(request));
      return reply.status(204).send(null);
    },
  );
};
export default applications;
