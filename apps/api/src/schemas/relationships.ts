import { Type } from '@sinclair/typebox';
import { CommunicationMethodSchema, PlatformSchema } from './applications.js';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Date_ = Type.String({ format: 'date-time' });
const Person = Type.Object({
  id: Type.String(),
  name: Type.String(),
  opdiv: Type.String(),
  email: Type.String(),
});
const Version = Type.Optional(
  Type.Integer({ minimum: 0, description: 'The version you read (or send If-Match); 0 to create' }),
);

export const RelationshipSchema = Type.Object(
  {
    id: Type.String(),
    state: Type.String(),
    platform: PlatformSchema,
    myRole: Type.String(),
    mentee: Person,
    mentor: Person,
    confirmedAt: Date_,
    orientationWaived: Type.Boolean(),
    milestones: Type.Array(
      Type.Object({ key: Type.String(), dueAt: Date_, doneAt: N(Type.String()), status: Type.String() }),
    ),
    termination: N(
      Type.Object({
        requestedBy: Type.String(),
        reason: Type.String(),
        requestedAt: Date_,
        guidance: N(Type.String()),
        guidanceAt: N(Type.String()),
      }),
    ),
    ended: N(Type.Object({ at: Date_, reason: Type.String() })),
    endingAllowedFrom: Type.String({
      format: 'date-time',
      description: 'R-LIFE-7: from when a partner may ask to end the relationship',
    }),
    version: Type.Integer(),
  },
  { $id: 'Relationship' },
);

export const OrientationSchema = Type.Object(
  {
    attendedAt: Type.Optional(Date_),
    waived: Type.Optional(
      Type.Boolean({ description: 'R-LIFE-1: an orientation attended within the last 12 months' }),
    ),
    earlierOrientationAt: Type.Optional(Date_),
  },
  { additionalProperties: false },
);
export const ReasonSchema = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const OptionalReasonSchema = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) },
  { additionalProperties: false },
);
export const GuidanceBodySchema = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
export const VersionBodySchema = Type.Object({ version: Version }, { additionalProperties: false });

const agreementFields = {
  goals: Type.String({ maxLength: 4000 }),
  meetingFrequency: Type.String({ maxLength: 200 }),
  meetingLength: Type.String({ maxLength: 200 }),
  communicationMethods: Type.Array(CommunicationMethodSchema, { maxItems: 4, uniqueItems: true }),
  confidentiality: Type.String({ maxLength: 4000 }),
  boundaries: Type.String({ maxLength: 4000 }),
  noFaultTermination: Type.Boolean(),
};
// R-MEET-1: the agreed cadence and usual way of meeting (optional in the input: a form without them keeps them).
const Cadence = Type.Union([
  Type.Literal('weekly'),
  Type.Literal('every_2_weeks'),
  Type.Literal('every_4_weeks'),
  Type.Literal('monthly'),
]);
const Mode = Type.Union([Type.Literal('in_person'), Type.Literal('phone'), Type.Literal('video')]);
const cadenceFields = { cadence: Type.Optional(N(Cadence)), usualMode: Type.Optional(N(Mode)) };
export const AgreementInputSchema = Type.Object(
  { ...agreementFields, ...cadenceFields, version: Version },
  { additionalProperties: false },
);
export const AgreementSchema = Type.Object({
  relationshipId: Type.String(),
  ...agreementFields,
  cadence: N(Cadence),
  usualMode: N(Mode),
  mentorSignature: N(Type.String()),
  mentorSignedAt: N(Type.String()),
  menteeSignature: N(Type.String()),
  menteeSignedAt: N(Type.String()),
  completedAt: N(Type.String()),
  version: Type.Integer(),
  updatedAt: N(Type.String()),
});

const Activity = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('training'),
      Type.Literal('detail'),
      Type.Literal('on_the_job'),
      Type.Literal('shadowing'),
      Type.Literal('reading'),
      Type.Literal('other'),
    ]),
    description: Type.String({ maxLength: 2000 }),
    targetDate: Type.String({ format: 'date' }),
    status: Type.Union([
      Type.Literal('planned'),
      Type.Literal('in_progress'),
      Type.Literal('done'),
      Type.Literal('dropped'),
    ]),
  },
  { additionalProperties: false },
);
const idpFields = {
  strengths: Type.String({ maxLength: 4000 }),
  developmentalNeeds: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 12 }),
  objectives: Type.Array(
    Type.Object(
      {
        text: Type.String({ minLength: 1, maxLength: 2000 }),
        competency: Type.Optional(Type.String({ maxLength: 60 })),
      },
      { additionalProperties: false },
    ),
    { maxItems: 20 },
  ),
  activities: Type.Array(Activity, { maxItems: 40 }),
  reviewDates: Type.Array(Type.String({ format: 'date' }), { maxItems: 12 }),
};
export const IdpInputSchema = Type.Object(
  { ...idpFields, version: Version },
  { additionalProperties: false },
);
export const IdpSchema = Type.Object({
  relationshipId: Type.String(),
  ...idpFields,
  supervisorInput: N(Type.String()),
  supervisorInputAt: N(Type.String()),
  sharedWithSupervisorAt: N(Type.String()),
  completedAt: N(Type.String()),
  version: Type.Integer(),
  updatedAt: N(Type.String()),
});
export const SupervisorInputSchema = Type.Object(
  { input: Type.String({ minLength: 1, maxLength: 4000 }), version: Version },
  { additionalProperties: false },
);

const Scale = N(Type.Integer({ minimum: 1, maximum: 5 }));
const progressFields = {
  meetingsHeld: Type.Integer({ minimum: 0, maximum: 200 }),
  objectivesProgress: Type.String({ maxLength: 4000 }),
  relationshipRating: Scale,
  concerns: Type.String({ maxLength: 4000 }),
  wantsCoordinatorContact: Type.Boolean({
    description: 'R-LIFE-4: I would like the coordinator to contact me',
  }),
};
const surveyFields = {
  programObjectives: Scale,
  selectionMatching: Scale,
  relationship: Scale,
  training: Scale,
  programSupport: Scale,
  comments: Type.String({ maxLength: 4000 }),
  wouldRecommend: N(Type.Integer({ minimum: 0, maximum: 10 })),
};
const submit = {
  submit: Type.Optional(Type.Boolean({ description: 'Submit (final); otherwise a draft' })),
  version: Version,
};
const stored = {
  relationshipId: Type.String(),
  role: Type.String(),
  submittedAt: N(Type.String()),
  updatedAt: N(Type.String()),
  version: Type.Integer(),
};
export const ProgressInputSchema = Type.Object(
  { ...progressFields, ...submit },
  { additionalProperties: false },
);
export const ProgressSchema = Type.Object({
  ...progressFields,
  lastMeetingAt: N(
    Type.String({
      format: 'date-time',
      description:
        'R-MEET-5: when the last meeting the pair recorded as held began (up to submission); read-only',
    }),
  ),
  ...stored,
});
export const SurveyInputSchema = Type.Object({ ...surveyFields, ...submit }, { additionalProperties: false });
export const SurveySchema = Type.Object({ ...surveyFields, ...stored });
export const RoleParamsSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  role: Type.Union([Type.Literal('mentor'), Type.Literal('mentee')]),
});
