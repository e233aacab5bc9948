import { Type } from '@sinclair/typebox';

export const ReportParamsSchema = Type.Object(
  {
    report: Type.Union([
      Type.Literal('participation'),
      Type.Literal('matching'),
      Type.Literal('outcomes'),
      Type.Literal('evaluation'),
    ]),
  },
  { additionalProperties: false },
);
export const ReportQuerySchema = Type.Object(
  {
    opdiv: Type.Optional(
      Type.String({
        description:
          'One OPDIV; default: all you may see (coordinators: theirs; program manager and systems: HHS)',
      }),
    ),
    from: Type.Optional(
      Type.String({ format: 'date', description: 'First day (default: 12 months before `to`)' }),
    ),
    to: Type.Optional(Type.String({ format: 'date', description: 'Last day, included (default: now)' })),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' })),
    header: Type.Optional(
      Type.Union([Type.Literal('keys'), Type.Literal('words')], {
        default: 'keys',
        description:
          'CSV header row: the stable column keys (default, for systems) or the columns named in words (for people); the cells are the same',
      }),
    ),
  },
  { additionalProperties: false },
);
const Cell = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);
export const ReportSchema = Type.Object(
  {
    report: Type.String(),
    scope: Type.Union([Type.Array(Type.String()), Type.Null()]),
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
    generatedAt: Type.String({ format: 'date-time' }),
    columns: Type.Array(Type.String()),
    rows: Type.Array(Type.Record(Type.String(), Cell)),
  },
  { $id: 'Report' },
);
