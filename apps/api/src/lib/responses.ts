import { Type, type TSchema } from '@sinclair/typebox';

const problemRef = Type.Ref('Problem');
const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is not valid (field errors listed)',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'A program rule or the current state refused it',
  412: 'The document changed since you read it',
  422: 'A program rule refused the input',
  429: 'Too many requests: wait for the Retry-After seconds',
  503: 'The database is unavailable for a moment: try again after the Retry-After seconds',
};

/** Route response schemas: the success shapes plus the problem shape for each listed error status. */
export function responses(ok: Record<number, TSchema>, errors: number[] = []): Record<number, TSchema> {
  const out: Record<number, TSchema> = { ...ok };
  for (const status of [400, 401, ...errors, 503])
    out[status] = { ...problemRef, description: DESCRIPTIONS[status] };
  return out;
}

export const NoContent = Type.Null({ description: 'No content' });
export { Paged, PageQuery } from './pagination.js';
