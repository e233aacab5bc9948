import { Type } from '@sinclair/typebox';
import { PageQuery } from '../lib/responses.js';
import { PersonRefSchema } from './coordination.js';

/** R-LIFE-4: a partner asked (in a progress report) for the coordinator to contact them. */
export const ContactRequestSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  relationshipId: Type.String({ format: 'uuid' }),
  requestedBy: PersonRefSchema,
  role: Type.Union([Type.Literal('mentee'), Type.Literal('mentor')], {
    description: "The requester's side of the pair",
  }),
  mentee: PersonRefSchema,
  mentor: PersonRefSchema,
  source: Type.String({ description: 'What raised it, e.g. progress_report' }),
  createdAt: Type.String({ format: 'date-time' }),
  resolvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  resolvedBy: Type.Union([Type.String(), Type.Null()], {
    description: 'Employee id of the staff member who resolved it',
  }),
});

export const ContactRequestQuerySchema = Type.Object(
  {
    opdiv: Type.Optional(
      Type.String({ minLength: 2, maxLength: 16, description: 'OPDIV/STAFFDIV code, e.g. CDC' }),
    ),
    status: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('resolved'), Type.Literal('all')], { default: 'open' }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);
