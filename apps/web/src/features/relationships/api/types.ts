import type { paths } from '@hhs-mentoring/api-client';

type Ok<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;
export type Agreement = Ok<'/api/v1/relationships/{id}/agreement'>;
export type Idp = Ok<'/api/v1/relationships/{id}/idp'>;
export type ProgressReport = Ok<'/api/v1/relationships/{id}/progress-reports/{role}'>;
export type CompletionSurvey = Ok<'/api/v1/relationships/{id}/completion-surveys/{role}'>;
export type Activity = Idp['activities'][number];
