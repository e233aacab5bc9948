import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { compareKeys, Paged, PageQuery, pageArray, sendPage } from '../../../../lib/pagination.js';
import { Type } from '@sinclair/typebox';
import { NoContent, responses } from '../../../../lib/responses.js';
import { userActor } from '../../../../plugins/external/auth.js';
import { IdParamsSchema } from '../../../../schemas/matching.js';
import {
  EarlyCompletionBodySchema,
  EarlyCompletionSchema,
  MentorIdParamsSchema,
  MessageSchema,
  SendMessageSchema,
  ThreadSchema,
  UnreadSchema,
  WaitlistEntrySchema,
} from '../../../../schemas/pair-year.js';
import {
  agreeEarlyCompletion,
  readEarlyCompletion,
} from '../../../../services/pair-year/early-completion.js';
import {
  readThread,
  sendMessage,
  unreadCounts,
  type ThreadKind,
} from '../../../../services/pair-year/messages.js';
import { joinWaitlist, leaveWaitlist, myWaitlists } from '../../../../services/pair-year/waitlist.js';
import { guardRoutes } from '../../../http/guard-routes.js';

/** R-MSG-1..3 messages, R-WAIT-1..3 waitlists, R-END-1 early completion. */
const messageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  guardRoutes(app, app.guards.user);
  const url = app.config.APP_URL;
  const threads: Array<[ThreadKind, string]> = [
    ['relationship', 'relationships'],
    ['invitation', 'invitations'],
  ];
  for (const [kind, path] of threads) {
    app.get(
      `/${path}/:id/messages`,
      {
        schema: {
          tags: ['messages'],
          summary: `The ${kind}'s message thread, newest first and paged, marked read for me (R-MSG-1; the two partners only)`,
          params: IdParamsSchema,
          querystring: Type.Object(PageQuery),
          response: responses({ 200: ThreadSchema }, [404]),
        },
      },
      async (request, reply) => {
        const { items, nextCursor, ...thread } = await readThread(
          app.db,
          userActor(request),
          kind,
          request.params.id,
          request.query,
        );
        return sendPage(request, reply, { items, nextCursor }, thread);
      },
    );
    app.post(
      `/${path}/:id/messages`,
      {
        schema: {
          tags: ['messages'],
          summary: 'Send a message; the partner is told by email without the text (R-MSG-1/2)',
          params: IdParamsSchema,
          body: SendMessageSchema,
          response: responses({ 201: MessageSchema }, [404, 409, 422]),
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await sendMessage(app.db, userActor(request), kind, request.params.id, request.body.body, url),
          ),
    );
  }
  app.get(
    '/me/messages/unread',
    {
      schema: {
        tags: ['messages'],
        summary: 'My unread messages per thread, paged; total counts them all (R-MSG-3)',
        querystring: Type.Object(PageQuery),
        response: responses({ 200: UnreadSchema }),
      },
    },
    async (request, reply) =>
      sendPage(request, reply, await unreadCounts(app.db, userActor(request), request.query)),
  );

  app.get(
    '/me/waitlists',
    {
      schema: {
        tags: ['matching'],
        summary: 'Mentors I wait for, with my place in line (R-WAIT-1)',
        querystring: Type.Object(PageQuery),
        response: responses({ 200: Paged(WaitlistEntrySchema) }),
      },
    },
    async (request, reply) =>
      sendPage(
        request,
        reply,
        pageArray(
          await myWaitlists(app.db, userActor(request)),
          request.query,
          (w) => [new Date(w.joinedAt).toISOString(), w.mentorId],
          compareKeys(),
        ),
      ),
  );
  app.put(
    '/me/waitlists/:mentorId',
    {
      schema: {
        tags: ['matching'],
        summary: 'Ask to be told when a full or paused mentor has a free place (R-WAIT-1)',
        params: MentorIdParamsSchema,
        response: responses({ 200: WaitlistEntrySchema }, [404, 409]),
      },
    },
    async (request) => joinWaitlist(app.db, userActor(request), request.params.mentorId),
  );
  app.delete(
    '/me/waitlists/:mentorId',
    {
      schema: {
        tags: ['matching'],
        summary: 'Stop waiting for this mentor',
        params: MentorIdParamsSchema,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await leaveWaitlist(app.db, userActor(request), request.params.mentorId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/relationships/:id/early-completion',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Who agreed to complete early, and from when it is allowed (R-END-1)',
        params: IdParamsSchema,
        response: responses({ 200: EarlyCompletionSchema }, [403, 404]),
      },
    },
    async (request) => readEarlyCompletion(app.db, userActor(request), request.params.id),
  );
  app.post(
    '/relationships/:id/early-completion',
    {
      schema: {
        tags: ['relationships'],
        summary:
          'Agree the goals are met; completed early once both partners and a coordinator agree (R-END-1)',
        params: IdParamsSchema,
        body: EarlyCompletionBodySchema,
        response: responses({ 200: EarlyCompletionSchema }, [403, 404, 409]),
      },
    },
    async (request) =>
      agreeEarlyCompletion(app.db, userActor(request), request.params.id, request.body.note, url),
  );
};
export default messageRoutes;
