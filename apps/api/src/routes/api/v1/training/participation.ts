import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { compareKeys, PageQuery, pageArray, sendPage } from '../../../../lib/pagination.js';
import { Type } from '@sinclair/typebox';
import { responses } from '../../../../lib/responses.js';
import { userActor } from '../../../../plugins/external/auth.js';
import {
  AttendanceResultSchema,
  EvaluationSchema,
  EvaluationSummarySchema,
  EventParamsSchema,
  RecordAttendanceSchema,
  RegistrationSchema,
  RosterSchema,
  TrainingHistorySchema,
} from '../../../../schemas/training.js';
import { auditContext } from '../../../http/audit-context.js';
import { recordAttendance, roster } from '../../../../services/training/attendance.js';
import { evaluationSummary, submitEvaluation } from '../../../../services/training/evaluations.js';
import { myHistory } from '../../../../services/training/history.js';
import { cancelRegistration, register } from '../../../../services/training/registrations.js';

/** R-TRAIN-1/2: registration and waitlist, attendance, evaluations, my history. */
const participation: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['training'];

  app.post(
    '/training/events/:id/registration',
    {
      onRequest: app.guards.user,
      schema: {
        tags,
        summary: 'Register for an event (waitlisted when it is full)',
        params: EventParamsSchema,
        response: responses({ 201: RegistrationSchema }, [404, 409]),
      },
    },
    async (request, reply) => {
      reply.status(201);
      return register(app.db, userActor(request), auditContext(request), request.params.id);
    },
  );

  app.delete(
    '/training/events/:id/registration',
    {
      onRequest: app.guards.user,
      schema: {
        tags,
        summary: 'Cancel my registration; the first on the waitlist gets the place',
        params: EventParamsSchema,
        response: responses({ 200: RegistrationSchema }, [404]),
      },
    },
    async (request) =>
      cancelRegistration(
        app.db,
        userActor(request),
        auditContext(request),
        request.params.id,
        app.config.APP_URL,
      ),
  );

  app.get(
    '/training/events/:id/roster',
    {
      onRequest: app.guards.staff,
      schema: {
        tags,
        summary: 'Registrations and attendance (a coordinator sees their OPDIVs’ people)',
        params: EventParamsSchema,
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: responses({ 200: RosterSchema }, [403, 404]),
      },
    },
    async (request, reply) =>
      sendPage(
        request,
        reply,
        pageArray(
          (await roster(app.db, userActor(request), request.params.id)).items,
          request.query,
          (r) => [r.name, r.employeeId],
          compareKeys(),
        ),
      ),
  );

  app.post(
    '/training/events/:id/attendance',
    {
      onRequest: app.guards.staff,
      schema: {
        tags,
        summary: 'Record attendance (R-TRAIN-2); recording it twice changes nothing',
        params: EventParamsSchema,
        body: RecordAttendanceSchema,
        response: responses({ 200: AttendanceResultSchema }, [403, 404]),
      },
    },
    async (request) =>
      recordAttendance(app.db, userActor(request), auditContext(request), request.params.id, request.body),
  );

  app.post(
    '/training/events/:id/evaluation',
    {
      onRequest: app.guards.user,
      schema: {
        tags,
        summary: 'Evaluate an event I attended (once)',
        params: EventParamsSchema,
        body: EvaluationSchema,
        response: responses(
          { 201: Type.Object({ eventId: Type.String(), count: Type.Integer() }) },
          [403, 404, 409],
        ),
      },
    },
    async (request, reply) => {
      reply.status(201);
      return submitEvaluation(
        app.db,
        userActor(request),
        auditContext(request),
        request.params.id,
        request.body,
      );
    },
  );

  app.get(
    '/training/events/:id/evaluations',
    {
      onRequest: app.guards.staff,
      schema: {
        tags,
        summary: 'Evaluation results for an event (comments without names)',
        params: EventParamsSchema,
        response: responses({ 200: EvaluationSummarySchema }, [403, 404]),
      },
    },
    async (request) => evaluationSummary(app.db, userActor(request), request.params.id),
  );

  app.get(
    '/training/me',
    {
      onRequest: app.guards.user,
      schema: {
        tags,
        summary: 'My training history and whether my orientation is current (R-LIFE-1)',
        response: responses({ 200: TrainingHistorySchema }),
      },
    },
    async (request) => myHistory(app.db, userActor(request)),
  );
};
export default participation;
