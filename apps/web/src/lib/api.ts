import { QueryClient } from '@tanstack/react-query';
import { createApi, type Problem } from '@hhs-mentoring/api-client';

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

/** The ONE client of the app (STYLE.md): typed fetch calls and React Query hooks from the generated `paths`. */
const api = createApi({
  onProblem: (problem) => {
    // A lapsed session: forget who we were so the layout sends the person to sign in.
    if (problem.status === 401) queryClient.setQueryData(ME_KEY, null);
  },
});
export const apiFetch = api.fetch;
export const $api = api.query;

export const ME_KEY = ['get', '/api/v1/me', {}] as const;
