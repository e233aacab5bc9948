import { Type, type Static } from '@sinclair/typebox';
import { TRAINING_KINDS } from '../db/schema/training.js';
import { PageQuery, Paged } from '../lib/responses.js';

const Kind = Type.Union(TRAINING_KINDS.map((k) => Type.Literal(k)));
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const RegistrationStatus = Type.Union(['registered', 'waitlisted', 'cancelled'].map((s) => Type.Literal(s)));

export const TrainingEventSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: Kind,
    title: Type.String(),
    description: Type.String(),
    competencyCode: Nullable(Type.String()),
    opdiv: Nullable(Type.String({ description: 'null = department-wide (HHSU)' })),
    startsAt: Nullable(DateTime),
    endsAt: Nullable(DateTime),
    location: Nullable(Type.String()),
    lmsUrl: Nullable(Type.String()),
    lmsCourseId: Nullable(Type.String()),
    capacity: Type.Union([Type.Integer(), Type.Null()], { description: 'null = no limit' }),
    registered: Type.Integer(),
    waitlisted: Type.Integer(),
    cancelledAt: Nullable(DateTime),
    myStatus: Type.Union([RegistrationStatus, Type.Null()]),
  },
  { $id: 'TrainingEvent' },
);
export type TrainingEvent = Static<typeof TrainingEventSchema>;

const eventFields = {
  kind: Kind,
  title: Type.String({ minLength: 3, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  competencyCode: Type.Optional(
    Type.Union([Type.String({ maxLength: 60 }), Type.Null()], {
      description: 'Lunch and Learn: one of the eight focus competencies',
    }),
  ),
  opdiv: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
  startsAt: Type.Optional(Type.Union([DateTime, Type.Null()])),
  endsAt: Type.Optional(Type.Union([DateTime, Type.Null()])),
  location: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
  lmsUrl: Type.Optional(Type.Union([Type.String({ format: 'uri', maxLength: 500 }), Type.Null()])),
  lmsCourseId: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 10000 }), Type.Null()])),
};
export const CreateTrainingEventSchema = Type.Object(eventFields, { additionalProperties: false });
export type CreateTrainingEvent = Static<typeof CreateTrainingEventSchema>;
export const UpdateTrainingEventSchema = Type.Partial(Type.Object(eventFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateTrainingEvent = Static<typeof UpdateTrainingEventSchema>;

export const TrainingQuerySchema = Type.Object(
  {
    kind: Type.Optional(Kind),
    competency: Type.Optional(Type.String({ maxLength: 60 })),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    includeCancelled: Type.Optional(Type.Boolean({ default: false })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type TrainingQuery = Static<typeof TrainingQuerySchema>;
export const TrainingEventPageSchema = Paged(Type.Ref('TrainingEvent'));
export const EventParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const RegistrationSchema = Type.Object({
  eventId: Type.String({ format: 'uuid' }),
  employeeId: Type.String(),
  status: RegistrationStatus,
  waitlistPosition: Type.Union([Type.Integer(), Type.Null()]),
});

export const RosterSchema = Paged(
  Type.Object({
    employeeId: Type.String(),
    name: Type.String(),
    opdiv: Type.String(),
    status: Type.Union([RegistrationStatus, Type.Null()], {
      description: 'null = attended without registering (e.g. LMS)',
    }),
    registeredAt: Nullable(DateTime),
    attendedAt: Nullable(DateTime),
    attendanceSource: Type.Union([Type.Literal('lms'), Type.Literal('coordinator'), Type.Null()]),
  }),
);
export const RecordAttendanceSchema = Type.Object(
  {
    employeeIds: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
      minItems: 1,
      maxItems: 500,
      uniqueItems: true,
    }),
    attendedAt: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);
export const AttendanceResultSchema = Type.Object({
  recorded: Type.Integer(),
  alreadyRecorded: Type.Integer(),
});

export const EvaluationSchema = Type.Object(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comments: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export const EvaluationSummarySchema = Type.Object({
  eventId: Type.String(),
  count: Type.Integer(),
  averageRating: Type.Union([Type.Number(), Type.Null()]),
  distribution: Type.Object({
    1: Type.Integer(),
    2: Type.Integer(),
    3: Type.Integer(),
    4: Type.Integer(),
    5: Type.Integer(),
  }),
  comments: Type.Array(Type.String(), { description: 'Without names, so people can be candid' }),
});
export const TrainingHistorySchema = Type.Object({
  lastOrientationAttendedAt: Nullable(DateTime),
  orientationCurrent: Type.Boolean({ description: 'An orientation within 12 months waives R-LIFE-1' }),
  orientationSource: Type.Union([Type.Literal('training'), Type.Literal('relationship'), Type.Null()], {
    description:
      "Where the latest orientation was recorded: a training attendance, or a pair's orientation recorded on the relationship",
  }),
  items: Type.Array(
    Type.Object({
      event: Type.Ref('TrainingEvent'),
      status: Type.Union([RegistrationStatus, Type.Null()]),
      attendedAt: Nullable(DateTime),
      evaluated: Type.Boolean(),
    }),
  ),
});
