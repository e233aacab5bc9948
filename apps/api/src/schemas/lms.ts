import { Type, type Static } from '@sinclair/typebox';

export const LMS_BATCH_MAX = 5_000;
export const LmsCompletionSchema = Type.Object(
  {
    employeeId: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    email: Type.Optional(Type.String({ minLength: 3, maxLength: 254 })),
    lmsCourseId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    eventId: Type.Optional(Type.String({ format: 'uuid' })),
    completedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, description: 'Give employeeId or email, and lmsCourseId or eventId' },
);
export type LmsCompletion = Static<typeof LmsCompletionSchema>;
export const LmsBatchSchema = Type.Object(
  { completions: Type.Array(LmsCompletionSchema, { minItems: 1, maxItems: LMS_BATCH_MAX }) },
  { additionalProperties: false },
);
export const LmsResultSchema = Type.Object({
  recorded: Type.Integer(),
  alreadyRecorded: Type.Integer(),
  rejected: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      index: Type.Integer(),
      status: Type.Union(
        ['recorded', 'already_recorded', 'unknown_employee', 'unknown_event', 'invalid'].map((s) =>
          Type.Literal(s),
        ),
      ),
      detail: Type.Optional(Type.String()),
    }),
    { description: 'One entry per completion, in the order sent' },
  ),
});
