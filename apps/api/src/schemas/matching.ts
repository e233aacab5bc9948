import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, Paged } from '../lib/responses.js';
import { CommunicationMethodSchema, PlatformSchema } from './applications.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** A mentor's public card: never email or phone (R-MATCH-5). */
export const MentorCardSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    opdiv: Type.String(),
    grade: Type.String(),
    occupationTitle: Type.String(),
    city: Type.String(),
    state: Type.String(),
    bio: Type.String(),
    competencies: Type.Array(Type.String()),
    technicalAreas: Type.String(),
    platforms: Type.Array(PlatformSchema),
    communicationMethods: Type.Array(CommunicationMethodSchema),
    remainingCapacity: Type.Integer(),
    paused: Type.Boolean({ description: 'Not taking mentees for now (R-APP-2)' }),
    menteesWaiting: Type.Integer({ description: 'Mentees waiting to be told of a free place (R-WAIT-2)' }),
  },
  { $id: 'MentorCard' },
);

export const SuggestionPageSchema = Paged(
  Type.Object({
    mentor: Type.Ref('MentorCard'),
    score: Type.Number({ description: '0..100' }),
    criteria: Type.Array(
      Type.Object({
        key: Type.String(),
        weight: Type.Number(),
        score: Type.Number(),
        explanation: Type.String(),
      }),
    ),
    reasons: Type.Array(Type.String()),
  }),
);
export const SuggestionQuerySchema = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const MentorSearchQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Name or expertise' })),
    opdiv: Type.Optional(Type.String({ maxLength: 20 })),
    state: Type.Optional(Type.String({ minLength: 2, maxLength: 2 })),
    city: Type.Optional(Type.String({ maxLength: 80 })),
    competency: Type.Optional(Type.String({ maxLength: 60 })),
    expertise: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    platform: Type.Optional(PlatformSchema),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type MentorSearchQuery = Static<typeof MentorSearchQuerySchema>;
export const MentorSearchPageSchema = Paged(
  Type.Intersect([Type.Ref('MentorCard'), Type.Object({ relevance: Type.Number() })]),
);

const Party = Type.Object({ id: Type.String(), name: Type.String(), opdiv: Type.String() });
export const InvitationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    mentee: Party,
    mentor: Party,
    platform: PlatformSchema,
    message: Type.String(),
    state: Type.Union(
      ['pending', 'accepted', 'declined', 'withdrawn', 'expired', 'confirmed', 'closed'].map((s) =>
        Type.Literal(s),
      ),
    ),
    declineReason: Nullable(Type.String()),
    declineNote: Nullable(Type.String()),
    alreadyAgreed: Type.Boolean(),
    relationshipId: Nullable(Type.String()),
    sentAt: Type.String({ format: 'date-time' }),
    answeredAt: Nullable(Type.String()),
    expiresAt: Type.String({ format: 'date-time' }),
    closedAt: Nullable(Type.String()),
    version: Type.Integer(),
  },
  { $id: 'Invitation' },
);
export const CreateInvitationSchema = Type.Object(
  {
    mentorId: Type.String({ minLength: 1, maxLength: 40 }),
    message: Type.String({ maxLength: 4000 }),
    alreadyAgreed: Type.Optional(
      Type.Boolean({
        description: "R-INVT-2: the pair already agreed; the mentor's acceptance confirms at once",
      }),
    ),
  },
  { additionalProperties: false },
);
export const DeclineSchema = Type.Object(
  {
    reason: Type.Union([
      Type.Literal('time_constraints'),
      Type.Literal('mentoring_preferences'),
      Type.Literal('other'),
    ]),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const InvitationListQuerySchema = Type.Object(
  {
    role: Type.Optional(Type.Union([Type.Literal('mentee'), Type.Literal('mentor')])),
    state: Type.Optional(
      Type.Union(
        ['pending', 'accepted', 'declined', 'withdrawn', 'expired', 'confirmed', 'closed'].map((s) =>
          Type.Literal(s),
        ),
      ),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const IdParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const EmployeeIdParamsSchema = Type.Object({
  employeeId: Type.String({ minLength: 1, maxLength: 40 }),
});
