import { Type, type Static } from '@sinclair/typebox';

/** R-MATCH-4: one cohort-matching run as its history shows it: who proposed, what was approved, by whom and when. */
export const CohortRunSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    opdivs: Type.Union([Type.Array(Type.String()), Type.Null()], {
      description: 'null: the whole department',
    }),
    createdAt: Type.String({ format: 'date-time' }),
    createdBy: Type.String({ description: 'Name of the person who ran the proposal' }),
    menteeCount: Type.Integer(),
    pairs: Type.Integer(),
    invited: Type.Integer({ description: 'Pairs approved as invitations' }),
    suggested: Type.Integer({ description: 'Pairs approved as suggestions (shortlists)' }),
    refused: Type.Integer({ description: 'Pairs a program rule refused at approval' }),
    open: Type.Integer({ description: 'Pairs not decided yet' }),
    approvedBy: Type.Array(Type.String(), { description: 'Names of the people who approved pairs' }),
    lastApprovedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'CohortRun' },
);
export type CohortRun = Static<typeof CohortRunSchema>;
