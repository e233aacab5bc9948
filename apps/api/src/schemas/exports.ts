import { Type } from '@sinclair/typebox';
import { EXPORT_IDS_MAX, EXPORT_NAMES } from '../services/integrations/exports/index.js';

export const ExportParamsSchema = Type.Object(
  { name: Type.Union(EXPORT_NAMES.map((n) => Type.Literal(n))) },
  { additionalProperties: false },
);

export const ExportQuerySchema = Type.Object(
  {
    format: Type.Optional(
      Type.Union([Type.Literal('ndjson'), Type.Literal('csv')], {
        description: 'Overrides the Accept header (text/csv or application/x-ndjson); default NDJSON',
      }),
    ),
    opdiv: Type.Optional(
      Type.String({
        maxLength: 20,
        description:
          'One OPDIV; default: all you may see (coordinators: theirs; program manager and systems: HHS)',
      }),
    ),
    ids: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: EXPORT_IDS_MAX * 48,
        description: `Only these records: up to ${EXPORT_IDS_MAX} comma-separated ids as the change feed gives them (not for survey-answers)`,
      }),
    ),
    from: Type.Optional(
      Type.String({
        format: 'date',
        description: 'survey-answers: first day; whole closed quarters inside the range',
      }),
    ),
    to: Type.Optional(Type.String({ format: 'date', description: 'survey-answers: last day, included' })),
  },
  { additionalProperties: false },
);
