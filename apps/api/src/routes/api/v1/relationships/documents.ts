import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../../../lib/responses.js';
import { userActor } from '../../../../plugins/external/auth.js';
import { IdParamsSchema } from '../../../../schemas/matching.js';
import {
  AgreementInputSchema,
  AgreementSchema,
  IdpInputSchema,
  IdpSchema,
  SupervisorInputSchema,
  VersionBodySchema,
} from '../../../../schemas/relationships.js';
import { auditContext } from '../../../http/audit-context.js';
import {
  completeAgreement,
  readAgreement,
  saveAgreement,
  signAgreement,
} from '../../../../services/journey/agreement.js';
import {
  completeIdp,
  readIdp,
  saveIdp,
  saveSupervisorInput,
  shareIdp,
} from '../../../../services/journey/idp.js';
import { requiredVersion, withEtag } from './version.js';

const tags = ['relationships'];
const errors = [403, 404, 409, 412];

/** Mentoring agreement (R-LIFE-2) and IDP (R-LIFE-3): versioned, confidential (R-SEC-1), reads audited. */
const documents: FastifyPluginAsyncTypebox = async (app) => {
  const url = app.config.APP_URL;
  const params = IdParamsSchema;

  app.get(
    '/relationships/:id/agreement',
    {
      schema: {
        tags,
        summary: 'The mentoring agreement (the pair, coordinators)',
        params,
        response: responses({ 200: AgreementSchema }, [404]),
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await readAgreement(app.db, userActor(request), request.params.id, auditContext(request)),
      ),
  );
  app.put(
    '/relationships/:id/agreement',
    {
      schema: {
        tags,
        summary: 'Write the agreement (If-Match or version; a change clears signatures)',
        params,
        body: AgreementInputSchema,
        response: responses({ 200: AgreementSchema }, errors),
      },
    },
    async (request, reply) => {
      const { version: _v, ...input } = request.body;
      return withEtag(
        reply,
        await saveAgreement(
          app.db,
          userActor(request),
          request.params.id,
          input,
          requiredVersion(request, request.body),
          auditContext(request),
        ),
      );
    },
  );
  app.post(
    '/relationships/:id/agreement/sign',
    {
      schema: {
        tags,
        summary: 'Sign the agreement version I read',
        params,
        body: VersionBodySchema,
        response: responses({ 200: AgreementSchema }, errors),
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await signAgreement(
          app.db,
          userActor(request),
          request.params.id,
          requiredVersion(request, request.body),
          auditContext(request),
        ),
      ),
  );
  app.post(
    '/relationships/:id/agreement/complete',
    {
      schema: {
        tags,
        summary: 'Mark the signed agreement complete (mentee; alerts coordinators, R-LIFE-2)',
        params,
        response: responses({ 200: AgreementSchema }, errors),
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await completeAgreement(app.db, userActor(request), request.params.id, auditContext(request), url),
      ),
  );

  app.get(
    '/relationships/:id/idp',
    {
      schema: {
        tags,
        summary: "The IDP (the pair, coordinators, the mentee's supervisor once shared)",
        params,
        response: responses({ 200: IdpSchema }, [404]),
      },
    },
    async (request, reply) =>
      withEtag(reply, await readIdp(app.db, userActor(request), request.params.id, auditContext(request))),
  );
  app.put(
    '/relationships/:id/idp',
    {
      schema: {
        tags,
        summary: 'Write the IDP (If-Match or version)',
        params,
        body: IdpInputSchema,
        response: responses({ 200: IdpSchema }, errors),
      },
    },
    async (request, reply) => {
      const { version: _v, ...input } = request.body;
      return withEtag(
        reply,
        await saveIdp(
          app.db,
          userActor(request),
          request.params.id,
          input,
          requiredVersion(request, request.body),
          auditContext(request),
        ),
      );
    },
  );
  app.post(
    '/relationships/:id/idp/share',
    {
      schema: {
        tags,
        summary: 'Share the IDP with my supervisor (mentee)',
        params,
        response: responses({ 200: IdpSchema }, errors),
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await shareIdp(app.db, userActor(request), request.params.id, auditContext(request), url),
      ),
  );
  app.put(
    '/relationships/:id/idp/supervisor-input',
    {
      schema: {
        tags,
        summary: "Add input to a shared IDP (the mentee's supervisor)",
        params,
        body: SupervisorInputSchema,
        response: responses({ 200: IdpSchema }, errors),
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await saveSupervisorInput(
          app.db,
          userActor(request),
          request.params.id,
          request.body.input,
          requiredVersion(request, request.body),
          auditContext(request),
        ),
      ),
  );
  app.post(
    '/relationships/:id/idp/complete',
    {
      schema: {
        tags,
        summary: 'Mark the IDP complete (mentee; alerts coordinators, R-LIFE-3)',
        params,
        response: responses({ 200: IdpSchema }, errors),
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await completeIdp(app.db, userActor(request), request.params.id, auditContext(request), url),
      ),
  );
};
export default documents;
