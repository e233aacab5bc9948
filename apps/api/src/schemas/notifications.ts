import { Type } from '@sinclair/typebox';
import { PageQuery } from '../lib/responses.js';

export const NotificationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: Type.String({ description: 'Stable event name, e.g. "invitation.received"' }),
    title: Type.String(),
    body: Type.String(),
    link: Type.Union([Type.String(), Type.Null()], { description: 'Path inside the web app' }),
    readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Notification' },
);

export const NotificationQuerySchema = Type.Object(
  { unread: Type.Optional(Type.Boolean({ description: 'Only unread notifications' })), ...PageQuery },
  { additionalProperties: false },
);
export const NotificationParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
export const UnreadCountSchema = Type.Object({ unread: Type.Integer() });
export const MarkedReadSchema = Type.Object({
  marked: Type.Integer({ description: 'How many became read' }),
});
