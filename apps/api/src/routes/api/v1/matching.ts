import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../../lib/responses.js';
import { sendPage } from '../../../lib/pagination.js';
import { userActor } from '../../../plugins/external/auth.js';
import {
  EmployeeIdParamsSchema,
  MentorSearchPageSchema,
  MentorSearchQuerySchema,
  SuggestionPageSchema,
  SuggestionQuerySchema,
} from '../../../schemas/matching.js';
import { searchMentors } from '../../../services/journey/mentor-search.js';
import { mentorProfile } from '../../../services/journey/mentor-profile.js';
import { Type } from '@sinclair/typebox';
import { suggestionsFor } from '../../../services/journey/suggestions.js';
import { guardRoutes } from '../../http/guard-routes.js';

/** §5 finding a mentor: automatic suggestions (R-MATCH-1) and self-selection search (R-MATCH-2). */
const matching: FastifyPluginAsyncTypebox = async (app) => {
  guardRoutes(app, app.guards.user);

  app.get(
    '/me/suggestions',
    {
      schema: {
        tags: ['matching'],
        summary: 'Ranked eligible mentors for me, with score, breakdown and reasons (R-MATCH-1)',
        querystring: SuggestionQuerySchema,
        response: responses({ 200: SuggestionPageSchema }, [404, 409]),
      },
    },
    async (request, reply) => {
      const actor = userActor(request);
      return sendPage(request, reply, await suggestionsFor(app.db, actor, actor.employeeId, request.query));
    },
  );

  app.get(
    '/mentees/:employeeId/suggestions',
    {
      schema: {
        tags: ['matching'],
        summary: 'Ranked eligible mentors for a mentee in my scope (coordinator, program manager)',
        params: EmployeeIdParamsSchema,
        querystring: SuggestionQuerySchema,
        response: responses({ 200: SuggestionPageSchema }, [404, 409]),
      },
    },
    async (request, reply) =>
      sendPage(
        request,
        reply,
        await suggestionsFor(app.db, userActor(request), request.params.employeeId, request.query),
      ),
  );

  app.get(
    '/mentors',
    {
      schema: {
        tags: ['matching'],
        summary: 'Search active mentors by name, OPDIV, location and expertise (R-MATCH-2)',
        querystring: MentorSearchQuerySchema,
        response: responses({ 200: MentorSearchPageSchema }),
      },
    },
    async (request, reply) => sendPage(request, reply, await searchMentors(app.db, request.query)),
  );

  app.get(
    '/mentors/:employeeId',
    {
      schema: {
        tags: ['matching'],
        summary: "One mentor's profile: application, directory facts, contact details per R-MATCH-5",
        params: EmployeeIdParamsSchema,
        response: responses({ 200: Type.Ref('MentorProfile') }, [404]),
      },
    },
    async (request) => mentorProfile(app.db, userActor(request), request.params.employeeId),
  );
};
export default matching;
