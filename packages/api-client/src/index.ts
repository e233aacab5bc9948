import createFetchClient, { type Client, type Middleware } from 'openapi-fetch';
import createQueryClient, { type OpenapiQueryClient } from 'openapi-react-query';
import type { components, paths } from './schema.js';

export type { components, paths, operations } from './schema.js';
/** Paths with a GET operation: what the app can cache. */
export type GetPath = keyof { [P in keyof paths as paths[P] extends { get: object } ? P : never]: true };
/** The key openapi-react-query gives a GET of `P` without parameters: the prefix of every cached GET of `P`. */
export type PathKey<P extends GetPath> = readonly ['get', P];
export type Schemas = components['schemas'];
/** RFC 9457 problem details as the API sends them (`rule` when a SPEC rule refused, `errors` per field). */
export type Problem = Schemas['Problem'];

export type Api = {
  /** Plain typed fetch calls: `await api.fetch.GET('/api/v1/me')`. */
  fetch: Client<paths>;
  /** React Query hooks: `api.query.useQuery('get', '/api/v1/me')`. */
  query: OpenapiQueryClient<paths>;
};

export type ApiOptions = {
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Called with every problem response (e.g. to send a 401 to the sign-in page). */
  onProblem?: (problem: Problem, response: Response) => void;
};

/** The one client: session cookie sent with every call, problems passed to onProblem. */
export function createApi(options: ApiOptions = {}): Api {
  const fetch = createFetchClient<paths>({
    baseUrl: options.baseUrl ?? '',
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const onProblem = options.onProblem;
  if (onProblem) {
    const middleware: Middleware = {
      async onResponse({ response }) {
        if (!response.ok && isProblemResponse(response)) {
          const body: unknown = await response
            .clone()
            .json()
            .catch(() => undefined);
          if (isProblem(body)) onProblem(body, response);
        }
        return undefined;
      },
    };
    fetch.use(middleware);
  }
  return { fetch, query: createQueryClient(fetch) };
}

function isProblemResponse(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return type.includes('json');
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).status === 'number' &&
    typeof (value as Problem).title === 'string'
  );
}

/** What to tell a person: the problem's own sentence (a rule refusal's detail), else its title. */
export function problemMessage(error: unknown): string {
  if (isProblem(error)) return error.detail ?? error.title;
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Please try again.';
}

/** Field errors keyed by field name (`/body/capacity` → `capacity`, nested `/body/positions/0/title` kept after body). */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isProblem(error)) return out;
  for (const e of error.errors ?? []) {
    const key = e.field.replace(/^\/(body|query|params)\//, '').replace(/^\//, '');
    out[key] ??= e.message;
  }
  return out;
}
