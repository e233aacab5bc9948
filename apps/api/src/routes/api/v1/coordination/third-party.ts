import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Paged, responses } from '../../../../lib/responses.js';
import { sendPage } from '../../../../lib/pagination.js';
import { userActor } from '../../../../plugins/external/auth.js';
import { IdParamsSchema } from '../../../../schemas/coordination.js';
import {
  CaseQuerySchema,
  ContactSchema,
  HandShortlistSchema,
  OpenCaseSchema,
} from '../../../../schemas/matching-staff.js';
import { SuggestionPageSchema, SuggestionQuerySchema } from '../../../../schemas/matching.js';
import { auditContext } from '../../../http/audit-context.js';
import { requestScope } from '../../../../services/coordination/scope.js';
import {
  closeCase,
  getCase,
  handOverShortlist,
  listCases,
  openCase,
  recordContact,
} from '../../../../services/coordination/third-party.js';
import { suggestionsFor } from '../../../../services/journey/suggestions.js';
import { guardRoutes } from '../../../http/guard-routes.js';

const tags = ['coordination'];
const CaseRef = Type.Ref('ThirdPartyCase');

/** R-MATCH-3: the coordinator searches, records whom they contacted, and hands the mentee a shortlist. */
const thirdParty: FastifyPluginAsyncTypebox = async (app) => {
  guardRoutes(app, app.guards.staff);

  app.post(
    '/coordination/third-party-cases',
    {
      schema: {
        tags,
        summary: 'Open a third-party matching case for a mentee in scope',
        body: OpenCaseSchema,
        response: responses({ 201: CaseRef }, [404, 409]),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await openCase(app.db, userActor(request), request.body, auditContext(request))),
  );

  app.get(
    '/coordination/third-party-cases',
    {
      schema: {
        tags,
        summary: 'Third-party matching cases in scope (open and shortlisted unless a status is given)',
        querystring: CaseQuerySchema,
        response: responses({ 200: Paged(CaseRef) }, [403]),
      },
    },
    async (request, reply) => {
      const { opdiv, status } = request.query;
      return sendPage(
        request,
        reply,
        await listCases(app.db, requestScope(userActor(request), opdiv), status, request.query),
      );
    },
  );

  app.get(
    '/coordination/third-party-cases/:id',
    {
      schema: {
        tags,
        summary: 'One case with its contact log and shortlists',
        params: IdParamsSchema,
        response: responses({ 200: CaseRef }, [404]),
      },
    },
    async (request) => getCase(app.db, userActor(request), request.params.id),
  );

  app.get(
    '/coordination/third-party-cases/:id/candidates',
    {
      schema: {
        tags,
        summary: "Eligible mentors for the case's mentee, ranked by the auto-matching scorer (R-MATCH-1)",
        params: IdParamsSchema,
        querystring: SuggestionQuerySchema,
        response: responses({ 200: SuggestionPageSchema }, [404, 409]),
      },
    },
    async (request, reply) => {
      const actor = userActor(request);
      const c = await getCase(app.db, actor, request.params.id);
      return sendPage(request, reply, await suggestionsFor(app.db, actor, c.mentee.id, request.query));
    },
  );

  app.post(
    '/coordination/third-party-cases/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Record a contact with a prospective mentor and their answer',
        params: IdParamsSchema,
        body: ContactSchema,
        response: responses({ 201: CaseRef }, [404, 409]),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordContact(
            app.db,
            userActor(request),
            request.params.id,
            request.body,
            auditContext(request),
          ),
        ),
  );

  app.post(
    '/coordination/third-party-cases/:id/shortlist',
    {
      schema: {
        tags,
        summary: 'Hand the mentee a shortlist with a note; the mentee is notified',
        params: IdParamsSchema,
        body: HandShortlistSchema,
        response: responses({ 201: CaseRef }, [404, 409]),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await handOverShortlist(
            app.db,
            userActor(request),
            request.params.id,
            request.body,
            auditContext(request),
            app.config.APP_URL,
          ),
        ),
  );

  app.post(
    '/coordination/third-party-cases/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a case',
        params: IdParamsSchema,
        response: responses({ 200: CaseRef }, [404]),
      },
    },
    async (request) => closeCase(app.db, userActor(request), request.params.id, auditContext(request)),
  );
};
export default thirdParty;
