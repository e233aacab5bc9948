import { Type } from '@sinclair/typebox';
import { PASSWORD_MAX } from '../services/accounts/password-policy.js';

const email = Type.String({
  format: 'email',
  maxLength: 254,
  description: 'Work email as in the HHS directory',
});
// Length limits here are generous on purpose: the policy (R-ACC-1, NIST SP 800-63B) answers with a readable reason.
const password = Type.String({
  minLength: 1,
  maxLength: PASSWORD_MAX * 4,
  description: 'At least 15 characters; no composition rules',
});
const token = Type.String({ minLength: 20, maxLength: 200, description: 'The token from the emailed link' });

export const RegisterSchema = Type.Object({ email, password }, { additionalProperties: false });
export const VerifyEmailSchema = Type.Object({ token }, { additionalProperties: false });
export const ResetRequestSchema = Type.Object({ email }, { additionalProperties: false });
export const ResetConfirmSchema = Type.Object({ token, password }, { additionalProperties: false });
export const AcceptedSchema = Type.Object({
  message: Type.String({
    description: 'The same answer whoever the email belongs to (no account enumeration)',
  }),
});
export const ProvidersSchema = Type.Object(
  {
    password: Type.Object({ register: Type.String(), signIn: Type.String(), passwordReset: Type.String() }),
    oidc: Type.Union([
      Type.Null(),
      Type.Object({ loginUrl: Type.String(), logoutUrl: Type.String(), label: Type.String() }),
    ]),
  },
  { $id: 'AuthProviders' },
);
