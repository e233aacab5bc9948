import { Type, type TSchema } from '@sinclair/typebox';
import { PageQuery } from '../lib/pagination.js';
import { PersonRefSchema } from './coordination.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Refusal = Type.Object({ rule: Type.String(), detail: Type.String() });
const Note = Type.String({ maxLength: 4000 });

// R-MATCH-3 third-party matching.
export const ThirdPartyCaseSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    status: Type.Union([Type.Literal('open'), Type.Literal('shortlisted'), Type.Literal('closed')]),
    note: Type.String(),
    mentee: PersonRefSchema,
    coordinator: PersonRefSchema,
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    contacts: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        mentor: PersonRefSchema,
        contactedAt: Type.String({ format: 'date-time' }),
        outcome: Type.String(),
        note: Type.String(),
      }),
    ),
    shortlists: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        mentors: Type.Array(PersonRefSchema),
        note: Type.String(),
        handedAt: Type.String({ format: 'date-time' }),
      }),
    ),
  },
  { $id: 'ThirdPartyCase' },
);
export const OpenCaseSchema = Type.Object(
  { menteeId: Type.String({ minLength: 1 }), note: Type.Optional(Note) },
  { additionalProperties: false },
);
export const CaseQuerySchema = Type.Object(
  {
    opdiv: Type.Optional(Type.String()),
    status: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('shortlisted'), Type.Literal('closed')]),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const ContactSchema = Type.Object(
  {
    mentorId: Type.String({ minLength: 1 }),
    contactedAt: Type.Optional(Type.String({ format: 'date-time' })),
    outcome: Type.Union([
      Type.Literal('interested'),
      Type.Literal('not_interested'),
      Type.Literal('no_answer'),
    ]),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export const HandShortlistSchema = Type.Object(
  {
    mentorIds: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 10 }),
    note: Note,
  },
  { additionalProperties: false },
);
export const MyShortlistSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  source: Type.String(),
  note: Type.String(),
  handedAt: Type.String({ format: 'date-time' }),
  /** The mentor card the matching screens show: no email or phone (R-MATCH-5). */
  mentors: Type.Array(Type.Ref('MentorCard')),
});

// R-MATCH-4 cohort matching.
export const CohortProofSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('optimal'), Type.Literal('within-gap')], {
      description:
        'optimal: no assignment over all eligible pairs totals more; within-gap: the time budget stopped the repair (R-MATCH-4-OPT)',
    }),
    bound: Type.Number({ description: 'The dual bound: no assignment of these mentees can total more' }),
    gap: Type.Number({ description: 'bound − total (0 when optimal)' }),
    rounds: Type.Integer({ description: 'Prove-or-repair rounds after the first solve' }),
    widenedMentees: Type.Integer({
      description: 'Mentees whose candidate mentors were widened beyond the first K',
    }),
    edges: Type.Integer({ description: 'Mentee–mentor pairs in the final solve' }),
  },
  { description: 'How the total was proven (null for proposals made before proofs were recorded)' },
);
export const ProposeCohortSchema = Type.Object(
  {
    opdiv: Type.Optional(
      Type.String({
        description: 'Scope; default: all the OPDIVs you cover (department for the program manager)',
      }),
    ),
    topK: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 500,
        description:
          "Each mentee's best K mentors start the solve (default 25); the certificate widens where it must (R-MATCH-4-OPT)",
      }),
    ),
  },
  { additionalProperties: false },
);
export const CohortProposalSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    opdivs: Nullable(Type.Array(Type.String())),
    createdAt: Type.String({ format: 'date-time' }),
    topK: Type.Integer(),
    menteeCount: Type.Integer(),
    mentorCount: Type.Integer({ description: 'Mentors with free capacity' }),
    total: Type.Number({ description: "Sum of the proposed pairs' scores (maximised)" }),
    greedyTotal: Type.Number({ description: "The greedy assignment's total, for comparison" }),
    proof: Nullable(CohortProofSchema),
    pairs: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        mentee: PersonRefSchema,
        mentor: PersonRefSchema,
        score: Type.Number(),
        reasons: Type.Array(Type.String()),
        status: Type.String(),
        refusal: Nullable(Refusal),
        invitationId: Nullable(Type.String()),
        shortlistId: Nullable(Type.String()),
      }),
    ),
    unmatched: Type.Array(Type.Object({ mentee: PersonRefSchema, reason: Type.String() })),
  },
  { $id: 'CohortProposal' },
);
export const ApproveCohortSchema = Type.Object(
  {
    pairIds: Type.Optional(
      Type.Array(Type.String({ format: 'uuid' }), { description: 'Default: every proposed pair' }),
    ),
    mode: Type.Optional(
      Type.Union([Type.Literal('invitation'), Type.Literal('suggestion')], {
        description:
          "invitation (default): sent on the mentee's behalf; suggestion: handed to the mentee as a shortlist",
      }),
    ),
    message: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const ApprovalSchema = Type.Object({
  proposal: Type.Ref('CohortProposal'),
  mode: Type.String(),
  results: Type.Array(
    Type.Object({
      pairId: Type.String(),
      menteeId: Type.String(),
      mentorId: Type.String(),
      status: Type.String(),
      invitationId: Nullable(Type.String()),
      shortlistId: Nullable(Type.String()),
      refusal: Nullable(Refusal),
      alreadyDecided: Type.Boolean(),
    }),
  ),
});
