import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../../lib/responses.js';
import { Paged, sendPage } from '../../../lib/pagination.js';
import { userActor } from '../../../plugins/external/auth.js';
import {
  CreateInvitationSchema,
  DeclineSchema,
  IdParamsSchema,
  InvitationListQuerySchema,
} from '../../../schemas/matching.js';
import { auditContext } from '../../http/audit-context.js';
import { confirmInvitation } from '../../../services/journey/invitation-confirm.js';
import { invitationContext } from '../../../services/journey/invitation-context.js';
import {
  invitationFor,
  myInvitations,
  presentInvitations,
  type InvitationRow,
} from '../../../services/journey/invitation-view.js';
import {
  answerInvitation,
  createInvitation,
  withdrawInvitation,
} from '../../../services/journey/invitations.js';
import { guardRoutes } from '../../http/guard-routes.js';

const One = Type.Ref('Invitation');

/** §6 invitations: invite, answer, withdraw, confirm (R-CAP-*, R-PLAT-1, R-INVT-*). */
const invitations: FastifyPluginAsyncTypebox = async (app) => {
  guardRoutes(app, app.guards.user);
  const url = app.config.APP_URL;

  app.post(
    '/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Invite a mentor (R-CAP-3, R-PLAT-1, R-APP-2, R-INV-1)',
        body: CreateInvitationSchema,
        response: responses({ 201: One }, [404, 409, 422]),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createInvitation(app.db, userActor(request), request.body, auditContext(request), url)),
  );

  app.get(
    '/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'My invitations, as mentee and as mentor',
        querystring: InvitationListQuerySchema,
        response: responses({ 200: Paged(One) }),
      },
    },
    async (request, reply) =>
      sendPage(
        request,
        reply,
        await myInvitations(
          app.db,
          userActor(request),
          request.query,
          request.query.role,
          request.query.state as InvitationRow['state'] | undefined,
        ),
      ),
  );

  app.get(
    '/invitations/:id',
    {
      schema: {
        tags: ['invitations'],
        summary: 'One invitation (its mentee, its mentor, staff in scope)',
        params: IdParamsSchema,
        response: responses({ 200: One }, [404]),
      },
    },
    async (request) =>
      (
        await presentInvitations(app.db, [await invitationFor(app.db, userActor(request), request.params.id)])
      )[0]!,
  );

  app.get(
    '/invitations/:id/context',
    {
      schema: {
        tags: ['invitations'],
        summary:
          "The mentee's application behind an invitation, and whether a cohort proposed it (same readers as the invitation)",
        params: IdParamsSchema,
        response: responses({ 200: Type.Ref('InvitationContext') }, [404]),
      },
    },
    async (request) => invitationContext(app.db, userActor(request), request.params.id),
  );

  const action = { params: IdParamsSchema, response: responses({ 200: One }, [403, 404, 409]) };
  app.post(
    '/invitations/:id/withdraw',
    { schema: { tags: ['invitations'], summary: 'Withdraw my invitation (mentee)', ...action } },
    async (request) =>
      withdrawInvitation(app.db, userActor(request), request.params.id, auditContext(request), url),
  );
  app.post(
    '/invitations/:id/accept',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Accept an invitation (mentor); confirms at once when already agreed (R-INVT-2)',
        ...action,
      },
    },
    async (request) =>
      answerInvitation(
        app.db,
        userActor(request),
        request.params.id,
        { type: 'accept' },
        auditContext(request),
        url,
      ),
  );
  app.post(
    '/invitations/:id/decline',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Decline an invitation with a reason (mentor)',
        body: DeclineSchema,
        ...action,
      },
    },
    async (request) =>
      answerInvitation(
        app.db,
        userActor(request),
        request.params.id,
        { type: 'decline', ...request.body },
        auditContext(request),
        url,
      ),
  );
  app.post(
    '/invitations/:id/confirm',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Confirm an accepted invitation: creates the relationship (R-CAP-1/2, R-PLAT-1)',
        ...action,
      },
    },
    async (request) =>
      confirmInvitation(app.db, userActor(request), request.params.id, auditContext(request), url),
  );
};
export default invitations;
