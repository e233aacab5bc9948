import fp from 'fastify-plugin';
import swagger, { type SwaggerTransformObject } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ProblemSchema } from '../../lib/problem.js';
import { describeOperation } from '../../lib/openapi/operation.js';
import { completeDocument, SECURITY_SCHEMES } from '../../lib/openapi/document.js';

export const API_TAGS = [
  { name: 'system', description: 'Health and readiness' },
  { name: 'auth', description: 'Sign-in, sessions and tokens' },
  { name: 'directory', description: 'The HHS employee directory (R-DIR-1)' },
  { name: 'applications', description: 'Mentor and mentee applications (R-APP-1/2)' },
  { name: 'reference', description: 'Competencies, OPDIVs and program settings' },
  { name: 'matching', description: 'Suggestions and mentor search (R-MATCH-1/2)' },
  { name: 'invitations', description: 'Invitations and confirmation (§6, R-CAP-*, R-INVT-*)' },
  {
    name: 'relationships',
    description: "The pair's year: milestones, documents, termination (R-LIFE-*, R-SEC-1)",
  },
  { name: 'content', description: "The program's own pages and guidance (R-CONTENT-1..3)" },
  { name: 'notifications', description: 'The in-app inbox (R-NOTE-1)' },
  {
    name: 'integrations',
    description: 'Other HHS systems: OAuth client credentials, HR and LMS feeds (R-API-2/3); see docs/api.md',
  },
  {
    name: 'training',
    description: 'Training catalogue, registration, attendance and evaluations (R-TRAIN-1/2)',
  },
  {
    name: 'webhooks',
    description:
      'Signed event deliveries to other HHS systems (Standard Webhooks), their log, replay and switching off (R-HOOK-1..7); see docs/api.md',
  },
  { name: 'audit', description: 'Audit log search (R-ADMIN-3)' },
  {
    name: 'coordination',
    description:
      'Coordinators and the program manager: dashboard, third-party and cohort matching, coordinator grants (R-ADMIN-1, R-MATCH-3/4)',
  },
  {
    name: 'reports',
    description: 'Participation, matching, outcomes and evaluation reports, JSON or CSV (R-ADMIN-2)',
  },
];

export default fp(
  async (app) => {
    app.addSchema(ProblemSchema);
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'HHS Mentoring Matching System API',
          version: '1.0.0',
          description:
            'REST/JSON API of the HHS Mentoring Program (R-API-1). Errors are application/problem+json (RFC 9457) ' +
            'with a stable `type`, a human `detail`, and the SPEC `rule` when a program rule refused. See docs/api.md.',
        },
        tags: API_TAGS,
        components: { securitySchemes: SECURITY_SCHEMES },
      },
      // R-API-6: security, problem responses, operationIds and deprecation come from what each route runs.
      transform: describeOperation,
      transformObject: (document) =>
        completeDocument(
          document as Parameters<typeof completeDocument>[0],
        ) as ReturnType<SwaggerTransformObject>,
      refResolver: { buildLocalReference: (json, _base, _frag, i) => String(json.$id ?? `def-${i}`) },
    });
    // R-SEC-11: the interactive docs (with their looser CSP) are for development; production opts in with API_DOCS=on.
    const docsOn = app.config.API_DOCS ? app.config.API_DOCS === 'on' : app.config.NODE_ENV !== 'production';
    if (docsOn) await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'swagger' },
);
