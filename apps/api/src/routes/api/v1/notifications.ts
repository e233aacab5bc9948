import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Paged, responses } from '../../../lib/responses.js';
import { sendPage } from '../../../lib/pagination.js';
import { userActor } from '../../../plugins/external/auth.js';
import {
  MarkedReadSchema,
  NotificationParamsSchema,
  NotificationQuerySchema,
  UnreadCountSchema,
} from '../../../schemas/notifications.js';
import { listNotifications, markAllRead, markRead, unreadCount } from '../../../services/platform/inbox.js';
import { guardRoutes } from '../../http/guard-routes.js';

const tags = ['notifications'];

/** R-NOTE-1: the signed-in person's in-app inbox. */
const notifications: FastifyPluginAsyncTypebox = async (app) => {
  guardRoutes(app, app.guards.user);

  app.get(
    '/me/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first (R-NOTE-1)',
        querystring: NotificationQuerySchema,
        response: responses({ 200: Paged(Type.Ref('Notification')) }),
      },
    },
    async (request, reply) =>
      sendPage(request, reply, await listNotifications(app.db, userActor(request), request.query)),
  );
  app.get(
    '/me/notifications/unread-count',
    {
      schema: {
        tags,
        summary: 'How many of my notifications are unread',
        response: responses({ 200: UnreadCountSchema }),
      },
    },
    async (request) => unreadCount(app.db, userActor(request)),
  );
  app.post(
    '/me/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: NotificationParamsSchema,
        response: responses({ 200: Type.Ref('Notification') }, [404]),
      },
    },
    async (request) => markRead(app.db, userActor(request), request.params.id),
  );
  app.post(
    '/me/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: responses({ 200: MarkedReadSchema }),
      },
    },
    async (request) => markAllRead(app.db, userActor(request)),
  );
};
export default notifications;
