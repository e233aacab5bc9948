import { Type, type Static } from '@sinclair/typebox';

export const PlatformSchema = Type.Union([Type.Literal('s2j'), Type.Literal('p2p')], {
  description: 's2j = Senior-to-Junior, p2p = Peer-to-Peer',
});
export const CommunicationMethodSchema = Type.Union([
  Type.Literal('in_person'),
  Type.Literal('phone'),
  Type.Literal('video'),
  Type.Literal('email'),
]);
const PositionSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 120 }),
    organization: Type.String({ minLength: 1, maxLength: 120 }),
    years: Type.Number({ minimum: 0, maximum: 60 }),
  },
  { additionalProperties: false },
);
const background = {
  bio: Type.String({ maxLength: 4000 }),
  education: Type.String({ maxLength: 2000 }),
  positions: Type.Array(PositionSchema, { maxItems: 20 }),
  communicationMethods: Type.Array(CommunicationMethodSchema, {
    minItems: 1,
    maxItems: 4,
    uniqueItems: true,
  }),
};
const acknowledgement = {
  acknowledgeResponsibilities: Type.Literal(true, {
    description: "R-CONTENT-2: the applicant acknowledges the role's responsibilities",
  }),
};

export const MentorApplicationInputSchema = Type.Object(
  {
    ...background,
    ...acknowledgement,
    competencies: Type.Array(Type.String({ maxLength: 60 }), {
      minItems: 1,
      maxItems: 12,
      uniqueItems: true,
    }),
    technicalAreas: Type.String({ maxLength: 2000 }),
    platforms: Type.Array(PlatformSchema, { minItems: 1, maxItems: 2, uniqueItems: true }),
    capacity: Type.Integer({ minimum: 1, maximum: 5, description: 'R-CAP-1: 1 to the program maximum' }),
    acceptsOtherOpdivs: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type MentorApplicationInput = Static<typeof MentorApplicationInputSchema>;

export const MenteeApplicationInputSchema = Type.Object(
  {
    ...background,
    ...acknowledgement,
    developmentalNeeds: Type.Array(Type.String({ maxLength: 60 }), {
      minItems: 1,
      maxItems: 8,
      uniqueItems: true,
      description: 'Competency codes, most important first',
    }),
    shortTermGoals: Type.String({ minLength: 1, maxLength: 4000 }),
    longTermGoals: Type.String({ minLength: 1, maxLength: 4000 }),
    platform: PlatformSchema,
    locationPreference: Type.Union([
      Type.Literal('same_location'),
      Type.Literal('same_opdiv'),
      Type.Literal('cross_opdiv'),
      Type.Literal('no_preference'),
    ]),
  },
  { additionalProperties: false },
);
export type MenteeApplicationInput = Static<typeof MenteeApplicationInputSchema>;

const stored = {
  employeeId: Type.String(),
  acknowledgedAt: Type.String({ format: 'date-time' }),
  acknowledgementVersion: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};
const { acknowledgeResponsibilities: _m, ...mentorFields } = MentorApplicationInputSchema.properties;
const { acknowledgeResponsibilities: _e, ...menteeFields } = MenteeApplicationInputSchema.properties;
export const MentorApplicationSchema = Type.Object(
  { ...mentorFields, ...stored, paused: Type.Boolean(), liveMentees: Type.Integer() },
  { $id: 'MentorApplication' },
);
export const MenteeApplicationSchema = Type.Object(
  { ...menteeFields, ...stored },
  { $id: 'MenteeApplication' },
);
export const MyApplicationsSchema = Type.Object({
  mentor: Type.Union([Type.Ref('MentorApplication'), Type.Null()]),
  mentee: Type.Union([Type.Ref('MenteeApplication'), Type.Null()]),
});
