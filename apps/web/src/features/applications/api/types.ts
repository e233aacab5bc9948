import type { paths } from '@hhs-mentoring/api-client';

type Body<P extends keyof paths> = paths[P] extends {
  put: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;
export type MentorInput = Body<'/api/v1/me/applications/mentor'>;
export type MenteeInput = Body<'/api/v1/me/applications/mentee'>;
export type Role = 'mentor' | 'mentee';
export type CommunicationMethod = MentorInput['communicationMethods'][number];
export type Platform = MentorInput['platforms'][number];
export type LocationPreference = MenteeInput['locationPreference'];
