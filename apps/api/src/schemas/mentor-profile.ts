import { Type } from '@sinclair/typebox';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/**
 * One mentor's public profile: the search card (MentorCard) plus the rest of the application and directory facts.
 * `contact` follows R-MATCH-5 (null until the viewer may contact the mentor).
 */
export const MentorProfileSchema = Type.Intersect(
  [
    Type.Ref('MentorCard'),
    Type.Object({
      competencyDetails: Type.Array(
        Type.Object({ code: Type.String(), name: Type.String(), focus: Type.Boolean() }),
        {
          description: 'The competencies with their names, in the order the mentor gave them (R-COMP-1)',
        },
      ),
      capacity: Type.Integer({
        description: 'Mentees the mentor offers to take, capped by the program maximum (R-CAP-1)',
      }),
      paused: Type.Boolean({ description: 'R-APP-2: a paused mentor cannot be invited' }),
      acceptsOtherOpdivs: Type.Boolean(),
      education: Type.String(),
      positions: Type.Array(
        Type.Object({ title: Type.String(), organization: Type.String(), years: Type.Number() }),
      ),
      occupationSeries: Type.String(),
      timeZone: Type.String(),
      commissionedCorps: Type.Boolean(),
      contact: Type.Union([Type.Object({ email: Type.String(), phone: N(Type.String()) }), Type.Null()], {
        description: 'Shown only to those allowed to contact this mentor (R-MATCH-5, R-SEC-2)',
      }),
    }),
  ],
  { $id: 'MentorProfile' },
);
