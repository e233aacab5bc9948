import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Paged, sendPage } from '../../../../lib/pagination.js';
import { responses } from '../../../../lib/responses.js';
import type { SystemActor } from '../../../../services/accounts/actors.js';
import {
  WebhookDeliveryDetailSchema,
  WebhookDeliveryParamsSchema,
  WebhookDeliveryQuerySchema,
  WebhookSubscriptionParamsSchema,
} from '../../../../schemas/webhooks.js';
import {
  getDelivery,
  listDeliveries,
  replayDelivery,
} from '../../../../services/integrations/webhooks/deliveries.js';
import { auditContext } from '../../../http/audit-context.js';

/** R-HOOK-3/5: the delivery log of a client's own endpoint, and replay. */
const deliveries: FastifyPluginAsyncTypebox = async (app) => {
  const guard = app.guards.systemScope('webhooks:manage');
  const clientOf = (request: { actor?: unknown }) => (request.actor as SystemActor).clientId;

  app.get(
    '/webhooks/:id/deliveries',
    {
      onRequest: guard,
      schema: {
        tags: ['webhooks'],
        summary:
          'Deliveries to one of your endpoints, newest first, optionally of one status (scope webhooks:manage)',
        params: WebhookSubscriptionParamsSchema,
        querystring: WebhookDeliveryQuerySchema,
        response: responses({ 200: Paged(Type.Ref('WebhookDelivery')) }, [403, 404]),
      },
    },
    async (request, reply) =>
      sendPage(
        request,
        reply,
        await listDeliveries(app.db, clientOf(request), request.params.id, request.query),
      ),
  );

  app.get(
    '/webhooks/:id/deliveries/:deliveryId',
    {
      onRequest: guard,
      schema: {
        tags: ['webhooks'],
        summary: 'One delivery with its attempts: when, how long, the status code (scope webhooks:manage)',
        params: WebhookDeliveryParamsSchema,
        response: responses({ 200: WebhookDeliveryDetailSchema }, [403, 404]),
      },
    },
    async (request) => getDelivery(app.db, clientOf(request), request.params.id, request.params.deliveryId),
  );

  app.post(
    '/webhooks/:id/deliveries/:deliveryId/replay',
    {
      onRequest: guard,
      schema: {
        tags: ['webhooks'],
        summary:
          'Send a delivery again now, with the same event id (scope webhooks:manage); it is retried like a new one',
        params: WebhookDeliveryParamsSchema,
        response: responses({ 202: Type.Ref('WebhookDelivery') }, [403, 404, 409]),
      },
    },
    async (request, reply) => {
      reply.status(202);
      return replayDelivery(
        app.db,
        auditContext(request),
        clientOf(request),
        request.params.id,
        request.params.deliveryId,
      );
    },
  );
};
export default deliveries;
