import { Type, type Static } from '@sinclair/typebox';
import { SYSTEM_SCOPES } from '../db/schema/integrations.js';

const ScopeSchema = Type.Union(SYSTEM_SCOPES.map((s) => Type.Literal(s)));

export const SystemClientSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'The client_id' }),
    name: Type.String(),
    scopes: Type.Array(Type.String()),
    createdBy: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    lastTokenAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'SystemClient' },
);
export const CreatedSystemClientSchema = Type.Intersect([
  Type.Ref('SystemClient'),
  Type.Object({
    clientSecret: Type.String({ description: 'Shown once; store it in the calling system’s vault' }),
  }),
]);
export const CreateSystemClientSchema = Type.Object(
  {
    name: Type.String({ minLength: 3, maxLength: 100, description: 'e.g. "HHS HR Connect feed"' }),
    scopes: Type.Array(ScopeSchema, { minItems: 1, maxItems: SYSTEM_SCOPES.length, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export const SystemClientParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

// RFC 6749 §4.4.2: unknown parameters are ignored, so this body allows additional properties (docs/decisions/0402).
export const TokenRequestSchema = Type.Object({
  grant_type: Type.Optional(Type.String({ maxLength: 100 })),
  scope: Type.Optional(Type.String({ maxLength: 500 })),
  client_id: Type.Optional(Type.String({ maxLength: 200 })),
  client_secret: Type.Optional(Type.String({ maxLength: 200 })),
});
export type TokenRequest = Static<typeof TokenRequestSchema>;
export const TokenResponseSchema = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
  scope: Type.String(),
});
export const OAuthErrorSchema = Type.Object(
  {
    error: Type.Union(
      ['invalid_request', 'invalid_client', 'invalid_scope', 'unsupported_grant_type'].map((e) =>
        Type.Literal(e),
      ),
    ),
    error_description: Type.String(),
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
  },
  { description: 'RFC 6749 §5.2 error, with the RFC 9457 members alongside' },
);
