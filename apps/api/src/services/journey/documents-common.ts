import { isLive } from '@hhs-mentoring/domain';
import type { Tx } from '../../db/client.js';
import { problems } from '../../lib/problem.js';
import type { AuditAction } from '../platform/audit-actions.js';
import { audit, type AuditContext } from '../platform/audit.js';
import type { RelationshipAccess } from './relationship-access.js';

/** Optimistic concurrency: the writer names the version they read (If-Match or `version`); 0 = not created yet. */
export function expectVersion(current: number | undefined, expected: number) {
  if ((current ?? 0) !== expected)
    throw problems.preconditionFailed(
      `Your copy is version ${expected} but the document is now at version ${current ?? 0}: someone else saved a change. Reload, merge, and save again.`,
    );
}

export function assertLive(a: RelationshipAccess) {
  if (!isLive(a.row.state))
    throw problems.rule(
      'R-LIFE-8',
      `The relationship is ${a.row.state}; its documents can no longer change.`,
      409,
    );
}

/** R-ADMIN-3: a confidential document read by someone who is not one of its authors is audited. */
export async function auditRead(
  tx: Tx,
  ctx: AuditContext,
  a: RelationshipAccess,
  document: string,
  authors: string[],
) {
  if (ctx.actorId && authors.includes(ctx.actorId)) return;
  await audit(tx, ctx, {
    action: `document.read`,
    objectType: document,
    objectId: a.row.id,
    opdivs: [a.mentee.opdiv, a.mentor.opdiv],
    detail: { viewer: ctx.actorId },
  });
}

/** The audit actions written on a relationship document ("agreement" → "sign" | "save" | …). */
type ActionOn<D extends string> = AuditAction extends infer A
  ? A extends `${D}.${infer Verb}`
    ? Verb
    : never
  : never;

export async function auditWrite<D extends 'agreement' | 'idp' | 'progress_report' | 'completion_survey'>(
  tx: Tx,
  ctx: AuditContext,
  a: RelationshipAccess,
  document: D,
  action: ActionOn<D>,
  version: number,
) {
  await audit(tx, ctx, {
    action: `${document}.${action}` as AuditAction,
    objectType: document,
    objectId: a.row.id,
    opdivs: [a.mentee.opdiv, a.mentor.opdiv],
    detail: { version },
  });
}

/** A weak entity tag for a document version. */
export const etagOf = (version: number) => `W/"${version}"`;
/** If-Match wins over a body `version`; returns undefined when neither names one. */
export function versionFrom(
  ifMatch: string | undefined,
  bodyVersion: number | undefined,
): number | undefined {
  const m = ifMatch?.match(/^(?:W\/)?"(\d+)"$/);
  if (m) return Number(m[1]);
  return bodyVersion;
}
