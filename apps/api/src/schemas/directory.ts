import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, Paged } from '../lib/responses.js';

export const EmployeeSchema = Type.Object(
  {
    id: Type.String({ description: 'Stable employee id' }),
    firstName: Type.String(),
    lastName: Type.String(),
    opdiv: Type.String(),
    payPlan: Type.String(),
    grade: Type.String(),
    occupationSeries: Type.String(),
    occupationTitle: Type.String(),
    city: Type.String(),
    state: Type.String(),
    timeZone: Type.String(),
    supervisorId: Type.Union([Type.String(), Type.Null()]),
    commissionedCorps: Type.Boolean(),
    isMentor: Type.Boolean({ description: 'Has an active mentor application' }),
    contact: Type.Union(
      [Type.Object({ email: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) }), Type.Null()],
      { description: 'Shown only to those allowed to contact this person (R-SEC-2, R-MATCH-5)' },
    ),
  },
  { $id: 'Employee' },
);
export type Employee = Static<typeof EmployeeSchema>;

export const DirectoryQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Name or name prefix' })),
    opdiv: Type.Optional(Type.String({ maxLength: 20 })),
    state: Type.Optional(Type.String({ minLength: 2, maxLength: 2 })),
    city: Type.Optional(Type.String({ maxLength: 80 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type DirectoryQuery = Static<typeof DirectoryQuerySchema>;
export const EmployeePageSchema = Paged(Type.Ref('Employee'));
export const EmployeeParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });
