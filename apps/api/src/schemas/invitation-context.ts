import { Type, type Static } from '@sinclair/typebox';
import { CommunicationMethodSchema, PlatformSchema } from './applications.js';

/**
 * What a mentor needs to judge fit before answering (issue 20): the mentee's application in the words they wrote, and
 * whether a coordinator proposed the pair through cohort matching. Contact details stay out (R-MATCH-5).
 */
export const InvitationContextSchema = Type.Object(
  {
    mentee: Type.Object({
      name: Type.String(),
      opdiv: Type.String(),
      grade: Type.String({ description: 'Grade label, e.g. GS-12' }),
      occupationTitle: Type.String(),
      city: Type.String(),
      state: Type.String(),
      timeZone: Type.String(),
      bio: Type.String(),
      developmentalNeeds: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
      shortTermGoals: Type.String(),
      longTermGoals: Type.String(),
      platform: PlatformSchema,
      locationPreference: Type.Union(
        ['same_location', 'same_opdiv', 'cross_opdiv', 'no_preference'].map((v) => Type.Literal(v)),
      ),
      communicationMethods: Type.Array(CommunicationMethodSchema),
    }),
    cohort: Type.Union([
      Type.Object({
        proposedAt: Type.String({ format: 'date-time' }),
        approvedBy: Type.Union([Type.String(), Type.Null()], {
          description: 'Name of the person who approved',
        }),
        score: Type.Number(),
        reasons: Type.Array(Type.String()),
      }),
      Type.Null(),
    ]),
  },
  { $id: 'InvitationContext' },
);
export type InvitationContext = Static<typeof InvitationContextSchema>;
