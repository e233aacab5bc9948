import { SYSTEM_SCOPES } from '../../db/schema/integrations.js';
import { EXAMPLES, PROBLEM_EXAMPLE } from './examples.js';

// R-API-6 (decision 0908): the document-wide parts: the security schemes (with the OAuth 2.0 client-credentials
// flow and its scopes), the server, and the examples of the main bodies.

type SystemScope = (typeof SYSTEM_SCOPES)[number];
/** Each scope a system client can be granted (R-API-2); a new scope does not compile without its words here. */
export const SCOPE_DESCRIPTIONS: Record<SystemScope, string> = {
  'directory:write': 'Push the HR feed: upsert employees (R-API-3)',
  'training:write': 'Push training completions from the Learning Management System (R-API-3)',
  'reports:read': "Read the program's reports and the change feeds of its records (R-ADMIN-2, R-API-5)",
  'directory:read': 'Read back the employee directory and its change feed (HR reconciliation)',
  'audit:read': 'Read the audit log (a security monitor)',
  'webhooks:manage': 'Manage your own webhook endpoints and read their deliveries (R-HOOK-1)',
};

/** The token route (apps/api/src/routes/api/v1/integrations/oauth.ts). */
export const TOKEN_URL = '/api/v1/oauth/token';

export const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'hhs_session',
    description:
      'A person signed in to the web app (httpOnly cookie; writes also need a same-origin Origin header)',
  },
  bearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: "A person's session token, sent as `Authorization: Bearer …`",
  },
  oauth2: {
    type: 'oauth2',
    description:
      'Other HHS systems (system clients, R-API-2): a short-lived token from the client-credentials grant, sent as ' +
      '`Authorization: Bearer …`. A route admits the scopes its security lists.',
    flows: { clientCredentials: { tokenUrl: TOKEN_URL, scopes: SCOPE_DESCRIPTIONS } },
  },
} as const;

type Media = { example?: unknown };
type Operation = {
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
};
type Document = {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Record<string, unknown>> };
  security?: unknown;
  servers?: unknown;
};

/** Puts each example on its operation's media types; an example whose operation is gone fails loudly. */
function addExamples(document: Document) {
  for (const [key, example] of Object.entries(EXAMPLES)) {
    const [method, path] = key.split(' ') as [string, string];
    const operation = document.paths?.[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`OpenAPI example for ${key}: no such operation`);
    for (const media of Object.values(operation.requestBody?.content ?? {}))
      if (example.request !== undefined) media.example = example.request;
    for (const [status, body] of Object.entries(example.responses ?? {}))
      for (const media of Object.values(operation.responses?.[status]?.content ?? {})) media.example = body;
    for (const [status, bodies] of Object.entries(example.byMedia ?? {}))
      for (const [type, body] of Object.entries(bodies)) {
        const media = operation.responses?.[status]?.content?.[type];
        if (!media) throw new Error(`OpenAPI example for ${key}: no ${status} ${type} answer`);
        media.example = body;
      }
  }
  const problem = document.components?.schemas?.Problem;
  if (problem) problem.examples = [PROBLEM_EXAMPLE];
}

export function completeDocument({ openapiObject }: { openapiObject: Partial<Document> }) {
  const document = openapiObject as Document;
  // Every operation states its own security (operation.ts); there is no default to fall back on.
  delete document.security;
  document.servers = [{ url: '/', description: 'The origin that serves this document' }];
  addExamples(document);
  return document;
}
