import { Type } from '@sinclair/typebox';
import { WEBHOOK_EVENT_FILTERS } from '../db/schema/webhooks.js';
import { PageQuery } from '../lib/pagination.js';

const EventFilterSchema = Type.Union(
  WEBHOOK_EVENT_FILTERS.map((f) => Type.Literal(f)),
  { description: 'An event type, or a family of them (`invitation.*`)' },
);
const UrlSchema = Type.String({
  minLength: 8,
  maxLength: 2000,
  pattern: '^https?://',
  description:
    'Where deliveries are POSTed; https:// in production, and never a private or local address (R-HOOK-7)',
});
const Time = Type.String({ format: 'date-time' });
const MaybeTime = Type.Union([Time, Type.Null()]);

export const WebhookSubscriptionSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    clientId: Type.String({ format: 'uuid' }),
    clientName: Type.Optional(Type.String({ description: 'In the program manager’s list' })),
    url: Type.String(),
    description: Type.String(),
    eventTypes: Type.Array(Type.String()),
    enabled: Type.Boolean(),
    disabledReason: Type.Union([
      Type.Literal('failing'),
      Type.Literal('client'),
      Type.Literal('program_manager'),
      Type.Null(),
    ]),
    disabledAt: MaybeTime,
    consecutiveFailures: Type.Integer({ description: 'Failed attempts in a row (R-HOOK-6)' }),
    createdAt: Time,
    updatedAt: Time,
  },
  { $id: 'WebhookSubscription' },
);
export const CreatedWebhookSubscriptionSchema = Type.Intersect([
  Type.Ref('WebhookSubscription'),
  Type.Object({
    secret: Type.String({
      description: 'The signing secret (`whsec_…`, Standard Webhooks): shown once, store it in your vault',
    }),
  }),
]);
export const CreateWebhookSubscriptionSchema = Type.Object(
  {
    url: UrlSchema,
    eventTypes: Type.Array(EventFilterSchema, {
      minItems: 1,
      maxItems: WEBHOOK_EVENT_FILTERS.length,
      uniqueItems: true,
    }),
    description: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const UpdateWebhookSubscriptionSchema = Type.Object(
  {
    url: Type.Optional(UrlSchema),
    eventTypes: Type.Optional(
      Type.Array(EventFilterSchema, {
        minItems: 1,
        maxItems: WEBHOOK_EVENT_FILTERS.length,
        uniqueItems: true,
      }),
    ),
    description: Type.Optional(Type.String({ maxLength: 200 })),
    enabled: Type.Optional(
      Type.Boolean({
        description: 'false holds deliveries; true sends the held ones and clears the failure count',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const EnableWebhookSubscriptionSchema = Type.Object(
  { enabled: Type.Boolean() },
  { additionalProperties: false },
);
export const WebhookSubscriptionParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
export const WebhookDeliveryParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }), deliveryId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
const DeliveryStatusSchema = Type.Union(
  [Type.Literal('pending'), Type.Literal('sending'), Type.Literal('delivered'), Type.Literal('failed')],
  { description: 'failed: every attempt failed; replay it once the receiver works' },
);
export const WebhookDeliveryQuerySchema = Type.Object(
  { ...PageQuery, status: Type.Optional(DeliveryStatusSchema) },
  { additionalProperties: false },
);
export const WebhookDeliverySchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    subscriptionId: Type.String({ format: 'uuid' }),
    eventId: Type.String({
      description: 'The `webhook-id` header: the same on every attempt, for de-duplication',
    }),
    eventType: Type.String(),
    entityId: Type.String(),
    occurredAt: Time,
    status: DeliveryStatusSchema,
    attempts: Type.Integer(),
    nextAttemptAt: MaybeTime,
    lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
    deliveredAt: MaybeTime,
    createdAt: Time,
  },
  { $id: 'WebhookDelivery' },
);
export const WebhookDeliveryDetailSchema = Type.Intersect([
  Type.Ref('WebhookDelivery'),
  Type.Object({
    log: Type.Array(
      Type.Object({
        attempt: Type.Integer(),
        startedAt: Time,
        durationMs: Type.Integer(),
        outcome: Type.Union([Type.Literal('delivered'), Type.Literal('failed'), Type.Literal('refused')]),
        statusCode: Type.Union([Type.Integer(), Type.Null()]),
        error: Type.Union([Type.String(), Type.Null()]),
        responseExcerpt: Type.Union([Type.String(), Type.Null()], {
          description: 'The first 256 bytes of your answer, at most',
        }),
      }),
      { description: 'The latest attempts first (50 at most)' },
    ),
  }),
]);
