import { Type } from '@sinclair/typebox';

export const LoginSchema = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export const SessionSchema = Type.Object({
  token: Type.String({
    description: 'The same JWT as the session cookie, for API callers (Authorization: Bearer)',
  }),
  expiresInSeconds: Type.Integer(),
});
export const MeSchema = Type.Object(
  {
    userId: Type.String(),
    employee: Type.Ref('Employee'),
    roles: Type.Array(
      Type.Union([
        Type.Literal('participant'),
        Type.Literal('supervisor'),
        Type.Literal('coordinator'),
        Type.Literal('program_manager'),
      ]),
    ),
    coordinatorOpdivs: Type.Array(Type.String()),
    directReports: Type.Integer(),
  },
  { $id: 'Me' },
);
