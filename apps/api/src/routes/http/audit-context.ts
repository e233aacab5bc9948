import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../../services/platform/audit.js';

/** Who did it, from where, in which request: the audit context a route hands to a service (R-ADMIN-3). */
export function auditContext(request: FastifyRequest): AuditContext {
  const actor = request.actor;
  return {
    actorId: actor ? (actor.kind === 'user' ? actor.employeeId : `client:${actor.clientId}`) : null,
    actorLabel: actor ? actor.name : 'anonymous',
    ip: request.ip ?? null,
    requestId: request.id,
  };
}
