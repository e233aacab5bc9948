import { Type, type TSchema } from '@sinclair/typebox';
import { PageQuery } from '../lib/responses.js';

const Opdiv = Type.String({ minLength: 2, maxLength: 16, description: 'OPDIV/STAFFDIV code, e.g. CDC' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const ScopeQuerySchema = Type.Object({ opdiv: Type.Optional(Opdiv) }, { additionalProperties: false });
export const ScopedPageQuerySchema = Type.Object(
  { opdiv: Type.Optional(Opdiv), ...PageQuery },
  { additionalProperties: false },
);
export const IdParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
const ScopeField = Nullable(
  Type.Array(Type.String(), { description: 'OPDIVs covered; null = the whole department' }),
);
export const PersonRefSchema = Type.Object({ id: Type.String(), name: Type.String(), opdiv: Type.String() });

export const UnmatchedMenteeSchema = Type.Object({
  menteeId: Type.String(),
  name: Type.String(),
  opdiv: Type.String(),
  platform: Type.Union([Type.Literal('s2j'), Type.Literal('p2p')]),
  daysWaiting: Type.Integer(),
  openInvitations: Type.Integer(),
});

export const DashboardSchema = Type.Object(
  {
    scope: ScopeField,
    generatedAt: Type.String({ format: 'date-time' }),
    participants: Type.Array(
      Type.Object({ role: Type.String(), platform: Type.String(), count: Type.Integer() }),
    ),
    unmatched: Type.Object({
      count: Type.Integer(),
      longestWaiting: Type.Array(UnmatchedMenteeSchema, { description: 'Top 20, longest waiting first' }),
    }),
    openInvitations: Type.Object({ pending: Type.Integer(), accepted: Type.Integer() }),
    livePairs: Type.Object({
      onboarding: Type.Integer(),
      active: Type.Integer(),
      termination_requested: Type.Integer(),
    }),
    milestones: Type.Object({ dueNext14Days: Type.Integer(), overdue: Type.Integer() }),
    terminationRequestsAwaitingGuidance: Type.Integer(),
    helpRequests: Type.Integer({
      description: 'Progress reports asking for the coordinator to make contact, not yet resolved (R-LIFE-4)',
    }),
  },
  { $id: 'CoordinatorDashboard' },
);

export const TerminationRequestSchema = Type.Object({
  relationshipId: Type.String({ format: 'uuid' }),
  mentee: PersonRefSchema,
  mentor: PersonRefSchema,
  platform: Type.String(),
  confirmedAt: Type.String({ format: 'date-time' }),
  requestedBy: Type.String(),
  reason: Type.String(),
  requestedAt: Type.String({ format: 'date-time' }),
  daysWaiting: Type.Integer(),
});

export const CoordinatorGrantSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  userId: Type.String({ format: 'uuid' }),
  opdiv: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  employee: Type.Object({
    id: Type.String(),
    name: Type.String(),
    email: Type.String(),
    opdiv: Type.String(),
  }),
});
/** Name the person by exactly one of user id, employee id or work email; they must have an account (R-ACC-1). */
export const GrantCoordinatorSchema = Type.Object(
  {
    userId: Type.Optional(Type.String({ format: 'uuid' })),
    employeeId: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    email: Type.Optional(
      Type.String({ minLength: 3, maxLength: 254, description: 'Work email, as in the directory' }),
    ),
    opdiv: Opdiv,
  },
  { additionalProperties: false },
);
