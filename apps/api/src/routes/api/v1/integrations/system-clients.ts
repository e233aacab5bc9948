import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { compareKeys, Paged, PageQuery, pageArray, sendPage } from '../../../../lib/pagination.js';
import { Type } from '@sinclair/typebox';
import { responses } from '../../../../lib/responses.js';
import {
  CreatedSystemClientSchema,
  CreateSystemClientSchema,
  SystemClientParamsSchema,
} from '../../../../schemas/integrations.js';
import { auditContext } from '../../../http/audit-context.js';
import { createClient, listClients, revokeClient } from '../../../../services/accounts/system-clients.js';

/** R-API-2: the program manager registers other HHS systems and revokes them. */
const systemClients: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/system-clients',
    {
      onRequest: app.guards.programManager,
      schema: {
        tags: ['integrations'],
        summary: 'Register a system client; the response holds its secret, shown this once',
        body: CreateSystemClientSchema,
        response: responses({ 201: CreatedSystemClientSchema }, [403]),
      },
    },
    async (request, reply) => {
      reply.status(201).header('cache-control', 'no-store');
      return createClient(app.db, auditContext(request), request.body);
    },
  );

  app.get(
    '/system-clients',
    {
      onRequest: app.guards.programManager,
      schema: {
        tags: ['integrations'],
        summary: 'System clients (never their secrets)',
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: responses({ 200: Paged(Type.Ref('SystemClient')) }, [403]),
      },
    },
    async (request, reply) =>
      sendPage(
        request,
        reply,
        pageArray(await listClients(app.db), request.query, (c) => [c.createdAt, c.id], compareKeys(0, 1)),
      ),
  );

  app.post(
    '/system-clients/:id/revoke',
    {
      onRequest: app.guards.programManager,
      schema: {
        tags: ['integrations'],
        summary: 'Revoke a system client: no new tokens, and its current tokens stop working',
        params: SystemClientParamsSchema,
        response: responses({ 200: Type.Ref('SystemClient') }, [403, 404]),
      },
    },
    async (request) => revokeClient(app.db, auditContext(request), request.params.id),
  );
};
export default systemClients;
