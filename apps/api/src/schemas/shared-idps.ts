import { Type } from '@sinclair/typebox';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/**
 * An IDP a direct report shared with me (R-SEC-1). Names and dates only, no document content, so listing them is
 * not an audited read (R-ADMIN-3); opening the IDP is.
 */
export const SharedIdpSchema = Type.Object(
  {
    relationshipId: Type.String({ format: 'uuid' }),
    relationshipState: Type.String(),
    mentee: Type.Object({ id: Type.String(), name: Type.String(), opdiv: Type.String() }),
    mentor: Type.Object({ id: Type.String(), name: Type.String(), opdiv: Type.String() }),
    sharedAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    myInputAt: N(Type.String({ format: 'date-time' })),
    inputGiven: Type.Boolean({ description: 'I already added my input to this IDP' }),
  },
  { $id: 'SharedIdp' },
);
