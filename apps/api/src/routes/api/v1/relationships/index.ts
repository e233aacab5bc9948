import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../../../lib/responses.js';
import { compareKeys, Paged, PageQuery, pageArray, sendPage } from '../../../../lib/pagination.js';
import { userActor } from '../../../../plugins/external/auth.js';
import { IdParamsSchema } from '../../../../schemas/matching.js';
import {
  GuidanceBodySchema,
  OptionalReasonSchema,
  OrientationSchema,
  ReasonSchema,
} from '../../../../schemas/relationships.js';
import { auditContext } from '../../../http/audit-context.js';
import {
  getRelationship,
  myRelationships,
  recordGuidance,
  recordOrientation,
  requestTermination,
  terminateRelationship,
  withdrawTermination,
} from '../../../../services/journey/relationships.js';
import { sharedIdpsFor } from '../../../../services/journey/shared-idps.js';
import documents from './documents.js';
import reports from './reports.js';
import { guardRoutes } from '../../../http/guard-routes.js';

const One = Type.Ref('Relationship');
const PageOnly = Type.Object({ ...PageQuery }, { additionalProperties: false });
const act = (summary: string) => ({
  tags: ['relationships'],
  summary,
  params: IdParamsSchema,
  response: responses({ 200: One }, [403, 404, 409, 422]),
});

/** §6 the pair's year (R-LIFE-1..8), authorised on the relationship itself (R-SEC-3). */
const relationships: FastifyPluginAsyncTypebox = async (app) => {
  guardRoutes(app, app.guards.user);
  const url = app.config.APP_URL;

  app.get(
    '/relationships',
    {
      schema: {
        tags: ['relationships'],
        summary: 'My mentoring relationships, newest first',
        querystring: PageOnly,
        response: responses({ 200: Paged(One) }),
      },
    },
    async (request, reply) =>
      sendPage(request, reply, await myRelationships(app.db, userActor(request), request.query)),
  );
  app.get(
    '/me/shared-idps',
    {
      schema: {
        tags: ['relationships'],
        summary: 'IDPs my direct reports shared with me, and whether I gave input (supervisor, R-SEC-1)',
        querystring: PageOnly,
        response: responses({ 200: Paged(Type.Ref('SharedIdp')) }),
      },
    },
    async (request, reply) =>
      sendPage(
        request,
        reply,
        pageArray(
          await sharedIdpsFor(app.db, userActor(request)),
          request.query,
          (s) => [s.sharedAt, s.relationshipId],
          compareKeys(0, 1),
        ),
      ),
  );
  app.get(
    '/relationships/:id',
    {
      schema: {
        tags: ['relationships'],
        summary: 'A relationship with its milestone timeline (the pair, staff in scope)',
        params: IdParamsSchema,
        response: responses({ 200: One }, [404]),
      },
    },
    async (request) => getRelationship(app.db, userActor(request), request.params.id),
  );
  app.post(
    '/relationships/:id/orientation',
    {
      schema: { ...act('Record the orientation, or its waiver (R-LIFE-1; mentee)'), body: OrientationSchema },
    },
    async (request) =>
      recordOrientation(
        app.db,
        userActor(request),
        request.params.id,
        request.body,
        auditContext(request),
        url,
      ),
  );
  app.post(
    '/relationships/:id/termination-request',
    {
      schema: {
        ...act('Ask to end the relationship (R-LIFE-7; a partner, after 3 months)'),
        body: ReasonSchema,
      },
    },
    async (request) =>
      requestTermination(
        app.db,
        userActor(request),
        request.params.id,
        request.body.reason,
        auditContext(request),
        url,
      ),
  );
  app.post(
    '/relationships/:id/termination-request/withdraw',
    { schema: act('Withdraw my request to end the relationship') },
    async (request) =>
      withdrawTermination(app.db, userActor(request), request.params.id, auditContext(request), url),
  );
  app.post(
    '/relationships/:id/termination-guidance',
    {
      schema: {
        ...act('Record guidance on a termination request (R-LIFE-7; coordinator)'),
        body: GuidanceBodySchema,
      },
    },
    async (request) =>
      recordGuidance(
        app.db,
        userActor(request),
        request.params.id,
        request.body.text,
        auditContext(request),
        url,
      ),
  );
  app.post(
    '/relationships/:id/terminate',
    {
      schema: {
        ...act('End the relationship: after guidance, or early with a reason (R-LIFE-7; coordinator)'),
        body: OptionalReasonSchema,
      },
    },
    async (request) =>
      terminateRelationship(
        app.db,
        userActor(request),
        request.params.id,
        request.body.reason,
        auditContext(request),
        url,
      ),
  );

  await app.register(documents);
  await app.register(reports);
};
export default relationships;
