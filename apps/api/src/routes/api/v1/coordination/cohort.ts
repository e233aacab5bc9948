import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../../../lib/responses.js';
import { userActor } from '../../../../plugins/external/auth.js';
import { IdParamsSchema } from '../../../../schemas/coordination.js';
import {
  ApprovalSchema,
  ApproveCohortSchema,
  ProposeCohortSchema,
} from '../../../../schemas/matching-staff.js';
import { auditContext } from '../../../http/audit-context.js';
import { approveProposal } from '../../../../services/coordination/cohort-approve.js';
import { getProposal, proposeCohort } from '../../../../services/coordination/cohort.js';
import { guardRoutes } from '../../../http/guard-routes.js';
import { sendJsonInSlices } from '../../../http/json-slices.js';

const tags = ['coordination'];
const Proposal = Type.Ref('CohortProposal');

/** R-MATCH-4: propose the best total assignment for a scope's unmatched mentees; a person approves all or some. */
const cohort: FastifyPluginAsyncTypebox = async (app) => {
  guardRoutes(app, app.guards.staff);

  app.post(
    '/coordination/cohort-proposals',
    {
      schema: {
        tags,
        summary: 'Propose a cohort assignment (maximum total score; greedy total beside it)',
        body: ProposeCohortSchema,
        response: responses({ 201: Proposal }, [403]),
      },
    },
    async (request, reply) => {
      const proposal = await proposeCohort(
        app.db,
        userActor(request),
        request.body ?? {},
        auditContext(request),
        app.solveCohort,
      );
      return sendJsonInSlices(reply.code(201), proposal, proposal.pairs);
    },
  );

  app.get(
    '/coordination/cohort-proposals/:id',
    {
      schema: {
        tags,
        summary: 'A stored cohort proposal and what became of each pair',
        params: IdParamsSchema,
        response: responses({ 200: Proposal }, [404]),
      },
    },
    async (request, reply) => {
      const proposal = await getProposal(app.db, userActor(request), request.params.id);
      return sendJsonInSlices(reply, proposal, proposal.pairs);
    },
  );

  app.post(
    '/coordination/cohort-proposals/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve all or some pairs: invitations (rules re-checked now) or suggestions',
        params: IdParamsSchema,
        body: ApproveCohortSchema,
        response: responses({ 200: ApprovalSchema }, [404]),
      },
    },
    async (request, reply) => {
      const approval = await approveProposal(
        app.db,
        userActor(request),
        request.params.id,
        request.body ?? {},
        auditContext(request),
        app.config.APP_URL,
      );
      return sendJsonInSlices(reply, approval, approval.proposal.pairs);
    },
  );
};
export default cohort;
