import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { PageQuery, sendPage } from '../../../../lib/pagination.js';
import { responses } from '../../../../lib/responses.js';
import { userActor } from '../../../../plugins/external/auth.js';
import { IdParamsSchema } from '../../../../schemas/matching.js';
import {
  CalendarFeedSchema,
  MeetingAnswerSchema,
  MeetingListSchema,
  MeetingNotesSchema,
  MeetingTimeSchema,
  PastMeetingSchema,
  PreferencesSchema,
} from '../../../../schemas/pair-year.js';
import { createFeed, feedStatus, revokeFeed } from '../../../../services/pair-year/calendar-feed.js';
import {
  answerMeeting,
  listMeetings,
  meetingIcs,
  proposeMeeting,
  recordMeeting,
  recordPastMeeting,
} from '../../../../services/pair-year/meetings.js';
import { readPreferences, writePreferences } from '../../../../services/pair-year/nudge-preferences.js';
import { guardRoutes } from '../../../http/guard-routes.js';

const tags = ['meetings'];
const One = Type.Ref('Meeting');

/** R-MEET-1..5: the pair's meetings, their calendar files and the personal feed. */
const meetingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  guardRoutes(app, app.guards.user);
  const url = app.config.APP_URL;

  app.get(
    '/relationships/:id/meetings',
    {
      schema: {
        tags,
        summary:
          "The pair's cadence and its meetings, latest first and paged (R-MEET-1/6); staff see dates and counts, never notes",
        params: IdParamsSchema,
        querystring: Type.Object(PageQuery),
        response: responses({ 200: MeetingListSchema }, [403, 404]),
      },
    },
    async (request, reply) => {
      const { summary, ...page } = await listMeetings(
        app.db,
        userActor(request),
        request.params.id,
        request.query,
      );
      return sendPage(request, reply, page, { summary });
    },
  );

  app.post(
    '/relationships/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Propose a meeting; the partner gets it by email with an .ics (R-MEET-2/3)',
        params: IdParamsSchema,
        body: MeetingTimeSchema,
        response: responses({ 201: One }, [403, 404, 409, 422]),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await proposeMeeting(app.db, userActor(request), request.params.id, request.body, url)),
  );

  app.post(
    '/relationships/:id/meetings/held',
    {
      schema: {
        tags,
        summary: 'Record a meeting held without scheduling it here (R-MEET-5)',
        params: IdParamsSchema,
        body: PastMeetingSchema,
        response: responses({ 201: One }, [403, 404, 409, 422]),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await recordPastMeeting(app.db, userActor(request), request.params.id, request.body)),
  );

  app.post(
    '/meetings/:id/answer',
    {
      schema: {
        tags,
        summary:
          'Accept, decline, propose another time or cancel (R-MEET-2); emailed with the .ics, SEQUENCE bumped (R-MEET-3)',
        params: IdParamsSchema,
        body: MeetingAnswerSchema,
        response: responses({ 200: One }, [403, 404, 409, 422]),
      },
    },
    async (request) => answerMeeting(app.db, userActor(request), request.params.id, request.body, url),
  );

  app.put(
    '/meetings/:id/record',
    {
      schema: {
        tags,
        summary: 'Record that the meeting was held, with a private and a shared note (R-MEET-5)',
        params: IdParamsSchema,
        body: MeetingNotesSchema,
        response: responses({ 200: One }, [403, 404, 409]),
      },
    },
    async (request) => recordMeeting(app.db, userActor(request), request.params.id, request.body),
  );

  app.get(
    '/meetings/:id/ics',
    {
      schema: {
        tags,
        summary: 'The meeting as an iCalendar file (R-MEET-3)',
        params: IdParamsSchema,
        response: {
          ...responses({}, [403, 404]),
          200: { description: 'text/calendar', content: { 'text/calendar': { schema: Type.String() } } },
        } as unknown as Record<number, ReturnType<typeof Type.Ref>>,
      },
    },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="meeting.ics"')
        .send(await meetingIcs(app.db, userActor(request), request.params.id, url)),
  );

  app.get(
    '/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Whether I have a calendar feed (R-MEET-4)',
        response: responses({ 200: CalendarFeedSchema }),
      },
    },
    async (request) => feedStatus(app.db, userActor(request).employeeId),
  );
  app.post(
    '/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Make a new secret feed URL; the old one stops working (R-MEET-4)',
        response: responses({ 200: CalendarFeedSchema }),
      },
    },
    async (request) => createFeed(app.db, userActor(request).employeeId, url),
  );
  app.delete(
    '/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Turn my calendar feed off (R-MEET-4)',
        response: responses({ 200: CalendarFeedSchema }),
      },
    },
    async (request) => revokeFeed(app.db, userActor(request).employeeId),
  );

  app.get(
    '/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My reminder choices (R-NUDGE-4)',
        response: responses({ 200: PreferencesSchema }),
      },
    },
    async (request) => readPreferences(app.db, userActor(request).employeeId),
  );
  app.put(
    '/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Turn reminders off or on (R-NUDGE-4)',
        body: PreferencesSchema,
        response: responses({ 200: PreferencesSchema }),
      },
    },
    async (request) => writePreferences(app.db, userActor(request).employeeId, request.body.nudgesOff),
  );
};
export default meetingRoutes;
