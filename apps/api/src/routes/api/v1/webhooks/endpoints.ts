import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Paged, PageQuery, sendPage } from '../../../../lib/pagination.js';
import { responses } from '../../../../lib/responses.js';
import {
  EnableWebhookSubscriptionSchema,
  WebhookDeliveryQuerySchema,
  WebhookSubscriptionParamsSchema,
} from '../../../../schemas/webhooks.js';
import { listDeliveries } from '../../../../services/integrations/webhooks/deliveries.js';
import {
  listSubscriptions,
  updateSubscription,
} from '../../../../services/integrations/webhooks/subscriptions.js';
import { urlPolicy } from '../../../../services/integrations/webhooks/url-policy.js';
import { auditContext } from '../../../http/audit-context.js';

/** R-HOOK-1/6: the program manager sees every client's webhook endpoints and can switch any off or on. */
const endpoints: FastifyPluginAsyncTypebox = async (app) => {
  const policy = urlPolicy(app.config);

  app.get(
    '/webhook-endpoints',
    {
      onRequest: app.guards.programManager,
      schema: {
        tags: ['webhooks'],
        summary: 'Every system client’s webhook endpoints, newest first (never their secrets)',
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: responses({ 200: Paged(Type.Ref('WebhookSubscription')) }, [403]),
      },
    },
    async (request, reply) => sendPage(request, reply, await listSubscriptions(app.db, null, request.query)),
  );

  app.patch(
    '/webhook-endpoints/:id',
    {
      onRequest: app.guards.programManager,
      schema: {
        tags: ['webhooks'],
        summary: 'Switch a webhook endpoint off (its deliveries wait) or back on',
        params: WebhookSubscriptionParamsSchema,
        body: EnableWebhookSubscriptionSchema,
        response: responses({ 200: Type.Ref('WebhookSubscription') }, [403, 404]),
      },
    },
    async (request) =>
      updateSubscription(app.db, auditContext(request), null, request.params.id, policy, {
        enabled: request.body.enabled,
      }),
  );

  app.get(
    '/webhook-endpoints/:id/deliveries',
    {
      onRequest: app.guards.programManager,
      schema: {
        tags: ['webhooks'],
        summary: 'Deliveries to a webhook endpoint, newest first, optionally of one status',
        params: WebhookSubscriptionParamsSchema,
        querystring: WebhookDeliveryQuerySchema,
        response: responses({ 200: Paged(Type.Ref('WebhookDelivery')) }, [403, 404]),
      },
    },
    async (request, reply) =>
      sendPage(request, reply, await listDeliveries(app.db, null, request.params.id, request.query)),
  );
};
export default endpoints;
