import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, Paged } from '../lib/responses.js';
import { AUDIT_ACTIONS, type AuditAction } from '../services/platform/audit-actions.js';

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Type.String(), Type.Null()], {
    description: 'Employee id, or client:<id> for a system client',
  }),
  actorLabel: Type.String(),
  // Listed so clients can name every action; a row from an older release may hold one no longer written.
  action: Type.Unsafe<AuditAction>({
    type: 'string',
    enum: [...AUDIT_ACTIONS],
    description: 'What was done (R-ADMIN-3); every action the API writes',
  }),
  objectType: Type.String(),
  objectId: Type.Union([Type.String(), Type.Null()]),
  opdivs: Type.Array(Type.String()),
  ip: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown()),
});
export const AuditPageSchema = Paged(AuditEntrySchema);

export const AuditQuerySchema = Type.Object(
  {
    actor: Type.Optional(
      Type.String({ maxLength: 80, description: 'Actor id (employee id or client:<id>)' }),
    ),
    objectType: Type.Optional(Type.String({ maxLength: 60 })),
    objectId: Type.Optional(Type.String({ maxLength: 80 })),
    action: Type.Optional(
      Type.String({
        maxLength: 80,
        description: 'Action, or its prefix: "training." finds every training action',
      }),
    ),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuerySchema>;
