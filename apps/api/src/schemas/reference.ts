import { Type, type Static } from '@sinclair/typebox';

export const CompetencySchema = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    group: Type.String(),
    definition: Type.String(),
    focus: Type.Boolean(),
  },
  { $id: 'Competency' },
);
export const OpdivSchema = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    kind: Type.Union([Type.Literal('OPDIV'), Type.Literal('STAFFDIV')]),
  },
  { $id: 'Opdiv' },
);

const weight = Type.Number({ minimum: 0, maximum: 100 });
export const ProgramSettingsValueSchema = Type.Object(
  {
    weights: Type.Object(
      {
        needs: weight,
        goals: weight,
        platform: weight,
        geography: weight,
        communication: weight,
        capacity: weight,
      },
      { additionalProperties: false, description: 'Scorer weights (R-MATCH-1)' },
    ),
    maxCapacity: Type.Integer({
      minimum: 1,
      maximum: 5,
      description: 'Program maximum mentees per mentor (R-CAP-1)',
    }),
    maxOpenInvitations: Type.Integer({ minimum: 1, maximum: 3, description: 'R-CAP-3' }),
    invitationExpiryDays: Type.Integer({ minimum: 1, maximum: 90 }),
    reportMinGroupSize: Type.Integer({
      minimum: 1,
      maximum: 50,
      description: 'R-ADMIN-2 small-group suppression',
    }),
    terminationMinMonths: Type.Integer({ minimum: 0, maximum: 12, description: 'R-LIFE-7' }),
    nudgeUnmatchedDays: Type.Array(Type.Integer({ minimum: 1, maximum: 180 }), {
      minItems: 2,
      maxItems: 2,
      description: 'R-NUDGE-1: days after applying when an unmatched mentee is reminded, first then second',
    }),
    nudgeInvitationDays: Type.Integer({
      minimum: 1,
      maximum: 89,
      description:
        'R-NUDGE-2: days a pending invitation waits before its mentor is reminded (before it expires)',
    }),
    nudgeUnconfirmedDays: Type.Integer({
      minimum: 1,
      maximum: 30,
      description: 'R-NUDGE-3: days an accepted invitation waits before its mentee is reminded to confirm',
    }),
  },
  { additionalProperties: false },
);
export type ProgramSettingsValue = Static<typeof ProgramSettingsValueSchema>;
export const ProgramSettingsSchema = Type.Object(
  {
    value: ProgramSettingsValueSchema,
    version: Type.Integer(),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'ProgramSettings' },
);
