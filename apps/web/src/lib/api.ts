import { QueryClient } from '@tanstack/react-query';
import { createApi, type GetPath, type PathKey, type Problem } from '@hhs-mentoring/api-client';

export type { Problem, Schemas } from '@hhs-mentoring/api-client';
export { fieldErrors, isProblem, problemMessage } from '@hhs-mentoring/api-client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A problem (4xx) will not change on retry; only network failures are retried, once.
      retry: (count, error) => count < 1 && !(error as Partial<Problem>)?.status,
    },
  },
});

/**
 * The ONE client of the app (STYLE.md): typed fetch calls and React Query hooks from the generated `paths`. Only the
 * features' `api/` folders and `lib/` call it (decision 0630, kept by ESLint): screens use their feature's hooks.
 */
const api = createApi({
  onProblem: (problem) => {
    // A lapsed session: forget who we were so the layout sends the person to sign in.
    if (problem.status === 401) queryClient.setQueryData(ME_KEY, null);
  },
});
export const apiFetch = api.fetch;
export const $api = api.query;

/** Who is signed in; a 401 is an answer here (nobody is), not a failure to retry. */
export const meQuery = $api.queryOptions('get', '/api/v1/me', undefined, {
  retry: false,
  staleTime: 5 * 60_000,
});
export const ME_KEY = meQuery.queryKey;

/**
 * The key every cached GET of `path` starts with, whatever its parameters: the key `$api.queryOptions` gives a call
 * without parameters (api.test.ts holds it to that), so invalidating it reaches them all.
 */
export const pathKey = <P extends GetPath>(path: P): PathKey<P> => ['get', path];

/** Refetch every cached GET of these paths (any parameters). */
export const invalidatePaths = (client: QueryClient, ...paths: GetPath[]) =>
  Promise.all(paths.map((path) => client.invalidateQueries({ queryKey: pathKey(path) })));

/**
 * The cursor in a page's `next` link (docs/api.md, "Pagination"), as React Query's `getNextPageParam` wants it:
 * undefined on the last page. An infinite query starts from `initialPageParam: null`: openapi-react-query sends the
 * page parameter as given (an undefined one becomes `cursor=0`, which the API refuses), and a null one is left out.
 */
export const cursorOf = (page: { next: string | null }): string | undefined =>
  page.next ? (new URL(page.next, 'http://local').searchParams.get('cursor') ?? undefined) : undefined;
