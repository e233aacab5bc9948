import { $api, type Schemas } from '../../../lib/api';

type Platform = Schemas['MentorCard']['platforms'][number];
const isPlatform = (v: string | undefined): v is Platform => v === 's2j' || v === 'p2p';

export type MentorFilters = Partial<
  Record<'q' | 'opdiv' | 'state' | 'competency' | 'expertise' | 'platform', string>
>;

/** R-MATCH-2: active mentors by the filters in the address; a platform the API does not know is left out. */
export function useMentorSearch(filters: MentorFilters, limit: number, cursor: string | undefined) {
  const { platform, ...rest } = filters;
  return $api.useQuery('get', '/api/v1/mentors', {
    params: {
      query: {
        ...rest,
        ...(isPlatform(platform) ? { platform } : {}),
        limit,
        ...(cursor ? { cursor } : {}),
      },
    },
  });
}

/** R-MATCH-1: ranked eligible mentors for me, with the score and its reasons. */
export const useSuggestions = (limit: number) =>
  $api.useQuery('get', '/api/v1/me/suggestions', { params: { query: { limit } } });

/** R-MATCH-3: mentors a coordinator suggested to me (up to 100 lists). */
export const useMyShortlists = () =>
  $api.useQuery(
    'get',
    '/api/v1/me/shortlists',
    { params: { query: { limit: 100 } } },
    { select: (page) => page.items },
  );

/** The mentor being invited, as the directory has them. */
export const useMentorEntry = (id: string) =>
  $api.useQuery('get', '/api/v1/directory/{id}', { params: { path: { id } } });
