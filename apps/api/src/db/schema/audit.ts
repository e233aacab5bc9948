import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// R-ADMIN-3: append-only. No code path updates or deletes; a trigger refuses both (sql/triggers.sql).
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    opdivs: text('opdivs').array().notNull().default([]),
    ip: text('ip'),
    requestId: text('request_id'),
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_actor_idx').on(t.actorId, t.at),
    index('audit_object_idx').on(t.objectType, t.objectId),
    index('audit_opdivs_gin').using('gin', t.opdivs),
  ],
);
