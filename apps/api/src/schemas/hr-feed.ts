import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../lib/pagination.js';

export const HR_BATCH_MAX = 10_000;

const text = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });

export const HrEmployeeSchema = Type.Object(
  {
    id: Type.String({
      minLength: 1,
      maxLength: 40,
      pattern: '^[A-Za-z0-9_-]+$',
      description: 'HR’s stable employee id',
    }),
    firstName: text(80),
    lastName: text(80),
    email: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' }),
    // Null first: with type coercion on, a null would otherwise be turned into "" by the string branch (R-DIR-4
    // read-back found HR's null phones stored as empty strings).
    phone: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 40 })])),
    opdiv: text(20, 'OPDIV/STAFFDIV code, e.g. CDC'),
    payPlan: text(20, 'GS, GM, ES, CC …'),
    grade: Type.String({
      maxLength: 20,
      description: 'Grade within the pay plan: 13, O-5 …; empty for ES/SL/ST',
    }),
    occupationSeries: text(10),
    occupationTitle: text(200),
    city: text(80),
    state: Type.String({ minLength: 2, maxLength: 2 }),
    timeZone: text(60),
    supervisorId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()])),
    commissionedCorps: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean({ description: 'false when the person left HHS' })),
  },
  { additionalProperties: false },
);
export type HrEmployee = Static<typeof HrEmployeeSchema>;

export const HrBatchSchema = Type.Object(
  { employees: Type.Array(HrEmployeeSchema, { minItems: 1, maxItems: HR_BATCH_MAX }) },
  { additionalProperties: false },
);
export type HrBatch = Static<typeof HrBatchSchema>;

export const HrBatchResultSchema = Type.Object({
  received: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  pairAlerts: Type.Integer({
    description: 'Live S2J pairs whose rules this batch broke; their coordinators were alerted',
  }),
});

export const IdempotencyHeadersSchema = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 255,
      description: 'A repeat with the same key returns the first answer',
    }),
  ),
});

/** R-DIR-4: an employee as HR fed them, read back for reconciliation (the feed's fields, all present). */
export const HrDirectoryEntrySchema = Type.Object({
  ...Type.Required(Type.Omit(HrEmployeeSchema, ['phone', 'supervisorId'])).properties,
  phone: Type.Union([Type.String(), Type.Null()]),
  supervisorId: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time', description: 'When the directory last changed this entry' }),
});

export const HrDirectoryQuerySchema = Type.Object(
  {
    ids: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 4200,
        pattern: '^[A-Za-z0-9_-]+(,[A-Za-z0-9_-]+){0,99}$',
        description:
          'Only these employees: up to 100 comma-separated ids (e.g. those the employees change feed named)',
      }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);
