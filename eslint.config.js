// One flat config for the monorepo. Boundaries (STYLE.md): the domain imports no framework or I/O,
// the web app never imports the API's source, only the generated client.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const root = new URL('.', import.meta.url).pathname;

/** What no web file may write (decision 0630): a cache key by hand, a key-matching predicate, `as never`. */
const webSyntax = [
  {
    selector: "Property[key.name='queryKey'] > ArrayExpression",
    message: 'Derive the key: $api.queryOptions(...).queryKey or pathKey() (decision 0630).',
  },
  {
    selector: "Property[key.name='predicate'] MemberExpression[property.name='queryKey']",
    message: 'Invalidate by path with invalidatePaths() rather than by matching keys (decision 0630).',
  },
  {
    selector: 'TSAsExpression > TSNeverKeyword',
    message: '`as never` silences the type checker: fix the type (decision 0630).',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.turbo/**',
      'apps/api/drizzle/**',
      'packages/api-client/src/schema.d.ts',
      '**/*.config.*',
      '**/.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './packages/domain', from: './apps', message: 'The domain never imports the apps.' },
            {
              target: './apps/web',
              from: './apps/api',
              message: 'The web app uses the generated client only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Layers without cycles (issue 19): an import cycle means two modules that cannot be understood apart.
    files: ['apps/api/src/**/*.ts', 'packages/domain/src/**/*.ts'],
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver': {
        typescript: {
          project: [`${root}apps/api/tsconfig.json`, `${root}packages/domain/tsconfig.json`],
          noWarnOnMultipleProjects: true,
        },
      },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Services are plain functions over a Db, an actor and plain input: callable from a route, a job, a script or a
    // test alike, so they never import the web framework, the plugins or the routes (STYLE.md, issue 19).
    files: ['apps/api/src/services/**/*.ts', 'apps/api/src/db/**/*.ts', 'apps/api/src/jobs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['fastify', 'fastify-plugin', '@fastify/*', '**/plugins/**', '**/routes/**'],
              message:
                'Services, jobs and the database layer are framework-free: take a Db, an actor and plain input.',
            },
          ],
        },
      ],
    },
  },
  {
    // Everywhere in the web app: no cache key written by hand (derive it from $api.queryOptions) and no `as never`.
    files: ['apps/web/src/**/*.{ts,tsx}', 'apps/web/e2e/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...webSyntax] },
  },
  {
    // Web data access like bulletproof-react (decision 0630): screens and components call their feature's api/ hooks;
    // only features/*/api/ and lib/ touch the client or the cache.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/features/*/api/**', 'apps/web/src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tanstack/react-query',
              importNames: [
                'useQueryClient',
                'useQuery',
                'useMutation',
                'useSuspenseQuery',
                'useInfiniteQuery',
              ],
              message: "Reading and writing go through the feature's api/ hooks (decision 0630).",
            },
          ],
          patterns: [
            {
              group: ['**/lib/api'],
              importNames: [
                '$api',
                'apiFetch',
                'queryClient',
                'ME_KEY',
                'meQuery',
                'pathKey',
                'invalidatePaths',
              ],
              message: "Call the API through the feature's api/ hooks (decision 0630).",
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...webSyntax,
        {
          selector: "MemberExpression[property.name='queryKey']",
          message: "Cache keys belong to the feature's api/ file (decision 0630).",
        },
      ],
    },
  },
  {
    // R-API-6 (decision 0908): a guard is a route option (onRequest, or guardRoutes for a whole plugin), where the
    // OpenAPI document reads each operation's security from; a plugin-level hook would hide it.
    files: ['apps/api/src/routes/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='addHook'] MemberExpression[object.property.name='guards']",
          message:
            'Guard routes with guardRoutes(app, guard) or a route onRequest, so the OpenAPI document sees it.',
        },
      ],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'fastify*',
                '@fastify/*',
                'drizzle-orm*',
                'pg',
                '@electric-sql/*',
                'node:fs',
                'node:net',
                'node:http',
                'react*',
              ],
              message: 'packages/domain is pure: no I/O, no framework.',
            },
          ],
        },
      ],
    },
  },
);
