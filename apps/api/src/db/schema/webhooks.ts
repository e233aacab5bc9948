import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { systemClients } from './integrations.js';
import { nextAttemptColumn } from './pair-year.js';

/** The event types a subscription can name (R-HOOK-1): one per change-log feed and operation. */
export const WEBHOOK_EVENT_TYPES = [
  'invitation.created',
  'invitation.updated',
  'invitation.deleted',
  'relationship.created',
  'relationship.updated',
  'relationship.deleted',
  'milestone.created',
  'milestone.updated',
  'training.completion.created',
  'training.completion.updated',
  'training.completion.deleted',
] as const;
/** What a filter may say: an event type or a family of them. */
export const WEBHOOK_EVENT_FILTERS = [
  'invitation.*',
  'relationship.*',
  'milestone.*',
  'training.completion.*',
  ...WEBHOOK_EVENT_TYPES,
] as const;

// R-HOOK-1: a system client's endpoint. The secret signs deliveries (HMAC needs it, so it cannot be hashed like a
// client secret); it is returned once, at creation (decision 0903).
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => systemClients.id),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    eventTypes: text('event_types').array().notNull(),
    secret: text('secret').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** 'failing' (R-HOOK-6), 'client' or 'program_manager'; null while enabled. */
    disabledReason: text('disabled_reason', { enum: ['failing', 'client', 'program_manager'] }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** R-HOOK-6: failed attempts in a row; a success resets it. */
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    /** R-HOOK-4: after a failure the endpoint rests (backoff) before any of its deliveries is tried again. */
    retryAfter: timestamp('retry_after', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_subscriptions_client_idx').on(t.clientId, t.createdAt)],
);

// R-HOOK-2: one row per event and subscription, written by a trigger on change_log in the writing transaction.
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    /** Stable across attempts and subscriptions (`evt_` + the change-log sequence): the receiver's de-duplication key. */
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    entityId: text('entity_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['pending', 'sending', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** R-HOOK-5: a replay gives the delivery a fresh allowance of attempts counted from here. */
    attemptsBeforeReplay: integer('attempts_before_replay').notNull().default(0),
    nextAttemptAt: nextAttemptColumn(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_uq').on(t.subscriptionId, t.eventId),
    index('webhook_deliveries_subscription_idx').on(t.subscriptionId, t.createdAt, t.id),
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt, t.id)
      .where(sql`${t.status} in ('pending', 'sending')`),
  ],
);

// R-HOOK-3: the delivery log, one row per attempt. The key (delivery, attempt) makes a doubled attempt impossible.
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    outcome: text('outcome', { enum: ['delivered', 'failed', 'refused'] }).notNull(),
    statusCode: integer('status_code'),
    /** Why it failed, in a few words (no response body). */
    error: text('error'),
    /** The first bytes of the response body, bounded (WEBHOOK_EXCERPT_BYTES), for the integrator to debug. */
    responseExcerpt: text('response_excerpt'),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.attempt] })],
);
