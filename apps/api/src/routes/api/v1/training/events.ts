import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../../../lib/responses.js';
import { userActor } from '../../../../plugins/external/auth.js';
import {
  CreateTrainingEventSchema,
  EventParamsSchema,
  TrainingEventPageSchema,
  TrainingQuerySchema,
  UpdateTrainingEventSchema,
} from '../../../../schemas/training.js';
import { auditContext } from '../../../http/audit-context.js';
import { sendPage } from '../../../../lib/pagination.js';
import { getEvent, listEvents } from '../../../../services/training/catalogue.js';
import { cancelEvent, createEvent, updateEvent } from '../../../../services/training/events.js';

/** R-TRAIN-1: the training catalogue. */
const events: FastifyPluginAsyncTypebox = async (app) => {
  const event = Type.Ref('TrainingEvent');

  app.get(
    '/training/events',
    {
      onRequest: app.guards.user,
      schema: {
        tags: ['training'],
        summary: 'The training catalogue: orientations, Lunch and Learn, online courses',
        querystring: TrainingQuerySchema,
        response: responses({ 200: TrainingEventPageSchema }),
      },
    },
    async (request, reply) =>
      sendPage(request, reply, await listEvents(app.db, userActor(request), request.query)),
  );

  app.get(
    '/training/events/:id',
    {
      onRequest: app.guards.user,
      schema: {
        tags: ['training'],
        summary: 'One training event, with places taken and my registration',
        params: EventParamsSchema,
        response: responses({ 200: event }, [404]),
      },
    },
    async (request) => getEvent(app.db, userActor(request), request.params.id),
  );

  app.post(
    '/training/events',
    {
      onRequest: app.guards.staff,
      schema: {
        tags: ['training'],
        summary: 'Add an event (program manager; a coordinator for their own OPDIV)',
        body: CreateTrainingEventSchema,
        response: responses({ 201: event }, [403, 422]),
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createEvent(app.db, userActor(request), auditContext(request), request.body);
    },
  );

  app.patch(
    '/training/events/:id',
    {
      onRequest: app.guards.staff,
      schema: {
        tags: ['training'],
        summary: 'Change an event; more places are filled from the waitlist in order',
        params: EventParamsSchema,
        body: UpdateTrainingEventSchema,
        response: responses({ 200: event }, [403, 404, 409, 422]),
      },
    },
    async (request) =>
      updateEvent(
        app.db,
        userActor(request),
        auditContext(request),
        request.params.id,
        request.body,
        app.config.APP_URL,
      ),
  );

  app.post(
    '/training/events/:id/cancel',
    {
      onRequest: app.guards.staff,
      schema: {
        tags: ['training'],
        summary: 'Cancel an event; everyone registered or waitlisted is notified',
        params: EventParamsSchema,
        response: responses({ 200: event }, [403, 404]),
      },
    },
    async (request) =>
      cancelEvent(app.db, userActor(request), auditContext(request), request.params.id, app.config.APP_URL),
  );
};
export default events;
