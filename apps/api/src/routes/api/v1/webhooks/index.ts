import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Paged, PageQuery, sendPage } from '../../../../lib/pagination.js';
import { NoContent, responses } from '../../../../lib/responses.js';
import type { SystemActor } from '../../../../services/accounts/actors.js';
import {
  CreatedWebhookSubscriptionSchema,
  CreateWebhookSubscriptionSchema,
  UpdateWebhookSubscriptionSchema,
  WebhookSubscriptionParamsSchema,
} from '../../../../schemas/webhooks.js';
import {
  createSubscription,
  deleteSubscription,
  listSubscriptions,
  loadSubscription,
  presentSubscription,
  updateSubscription,
} from '../../../../services/integrations/webhooks/subscriptions.js';
import { urlPolicy } from '../../../../services/integrations/webhooks/url-policy.js';
import { auditContext } from '../../../http/audit-context.js';
import deliveries from './deliveries.js';
import endpoints from './endpoints.js';

export const WEBHOOKS_SCOPE = 'webhooks:manage';
const TAG = ['webhooks'];

/** R-HOOK-1: a system client's own webhook endpoints (scope webhooks:manage); it never sees another client's. */
const webhooks: FastifyPluginAsyncTypebox = async (app) => {
  const guard = app.guards.systemScope(WEBHOOKS_SCOPE);
  const policy = urlPolicy(app.config);
  const clientOf = (request: { actor?: unknown }) => (request.actor as SystemActor).clientId;

  app.post(
    '/webhooks',
    {
      onRequest: guard,
      schema: {
        tags: TAG,
        summary:
          'Subscribe an endpoint to event types; the answer holds its signing secret, shown this once (scope webhooks:manage)',
        body: CreateWebhookSubscriptionSchema,
        response: responses({ 201: CreatedWebhookSubscriptionSchema }, [403, 409, 422]),
      },
    },
    async (request, reply) => {
      reply.status(201).header('cache-control', 'no-store');
      return createSubscription(app.db, auditContext(request), clientOf(request), policy, request.body);
    },
  );

  app.get(
    '/webhooks',
    {
      onRequest: guard,
      schema: {
        tags: TAG,
        summary: 'Your webhook endpoints, newest first (scope webhooks:manage)',
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: responses({ 200: Paged(Type.Ref('WebhookSubscription')) }, [403]),
      },
    },
    async (request, reply) =>
      sendPage(request, reply, await listSubscriptions(app.db, clientOf(request), request.query)),
  );

  app.get(
    '/webhooks/:id',
    {
      onRequest: guard,
      schema: {
        tags: TAG,
        summary: 'One of your webhook endpoints (scope webhooks:manage)',
        params: WebhookSubscriptionParamsSchema,
        response: responses({ 200: Type.Ref('WebhookSubscription') }, [403, 404]),
      },
    },
    async (request) =>
      presentSubscription(await loadSubscription(app.db, clientOf(request), request.params.id)),
  );

  app.patch(
    '/webhooks/:id',
    {
      onRequest: guard,
      schema: {
        tags: TAG,
        summary:
          'Change an endpoint: address, event types, or switch it off and on (on again sends what it held; scope webhooks:manage)',
        params: WebhookSubscriptionParamsSchema,
        body: UpdateWebhookSubscriptionSchema,
        response: responses({ 200: Type.Ref('WebhookSubscription') }, [403, 404, 422]),
      },
    },
    async (request) =>
      updateSubscription(
        app.db,
        auditContext(request),
        clientOf(request),
        request.params.id,
        policy,
        request.body,
      ),
  );

  app.delete(
    '/webhooks/:id',
    {
      onRequest: guard,
      schema: {
        tags: TAG,
        summary: 'Delete an endpoint and its delivery log (scope webhooks:manage)',
        params: WebhookSubscriptionParamsSchema,
        response: responses({ 204: NoContent }, [403, 404]),
      },
    },
    async (request, reply) => {
      await deleteSubscription(app.db, auditContext(request), clientOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  await app.register(deliveries);
  await app.register(endpoints);
};
export default webhooks;
