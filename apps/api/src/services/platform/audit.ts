import type { Tx } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import type { AuditAction } from './audit-actions.js';
import { auditValues } from './change-batch.js';

export type AuditContext = {
  actorId: string | null;
  actorLabel: string;
  ip: string | null;
  requestId: string | null;
};

export const SYSTEM_AUDIT: AuditContext = { actorId: null, actorLabel: 'system', ip: null, requestId: null };

export type AuditEntry = {
  action: AuditAction;
  objectType: string;
  objectId?: string | null;
  /** OPDIVs this event concerns, so coordinators can search their scope (R-ROLE-2). */
  opdivs?: string[];
  detail?: Record<string, unknown>;
};

/** R-ADMIN-3: write one audit row, in the caller's transaction so it commits with the change. */
export async function audit(tx: Tx, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditValues(ctx, entry));
}
