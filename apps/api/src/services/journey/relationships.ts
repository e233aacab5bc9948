import { and, eq, or } from 'drizzle-orm';
import { keyset, type PageParams } from '../../lib/pagination.js';
import { addMonths, milestoneStatus } from '@hhs-mentoring/domain';
import type { Db, Tx } from '../../db/client.js';
import { transactionWithRetry } from '../../db/retry.js';
import { relationships } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import type { AuditAction } from '../platform/audit-actions.js';
import { audit, type AuditContext } from '../platform/audit.js';
import { lastOrientationAttendedAt } from '../training/orientation.js';
import { currentSettings } from '../platform/settings.js';
import { employeeRows, fullName, type EmployeeRow } from './people.js';
import { relationshipFor, type Viewer } from './relationship-access.js';
import { toDomain, type RelationshipRow } from './relationship-model.js';
import { stepRelationship } from './relationship-steps.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const person = (e: EmployeeRow) => ({ id: e.id, name: fullName(e), opdiv: e.opdiv, email: e.email });

export function presentRelationship(
  row: RelationshipRow,
  mentee: EmployeeRow,
  mentor: EmployeeRow,
  viewer: Viewer,
  terminationMinMonths: number,
  now = new Date(),
) {
  return {
    id: row.id,
    state: row.state,
    platform: row.platform,
    myRole: viewer,
    mentee: person(mentee),
    mentor: person(mentor),
    confirmedAt: row.confirmedAt.toISOString(),
    orientationWaived: row.orientationWaived,
    milestones: milestoneStatus(toDomain(row), now).map((m) => ({
      key: m.key,
      dueAt: m.dueAt.toISOString(),
      doneAt: iso(m.doneAt),
      status: m.status,
    })),
    termination: row.terminationRequestedAt
      ? {
          requestedBy: row.terminationRequestedBy!,
          reason: row.terminationReason ?? '',
          requestedAt: row.terminationRequestedAt.toISOString(),
          guidance: row.guidanceText,
          guidanceAt: iso(row.guidanceAt),
        }
      : null,
    ended: row.endedAt ? { at: row.endedAt.toISOString(), reason: row.endedReason ?? '' } : null,
    // R-LIFE-7: the first day a partner may ask to end it (the domain refuses a request before).
    endingAllowedFrom: addMonths(row.confirmedAt, terminationMinMonths).toISOString(),
    version: row.version,
  };
}

export async function myRelationships(db: Db, actor: UserActor, params: PageParams) {
  const page = keyset(
    [
      { expr: relationships.confirmedAt, dir: 'desc', type: 'timestamptz' },
      { expr: relationships.id, dir: 'desc', type: 'uuid' },
    ],
    params,
  );
  const found = await db
    .select({ r: relationships, key: page.key })
    .from(relationships)
    .where(
      and(
        or(eq(relationships.menteeId, actor.employeeId), eq(relationships.mentorId, actor.employeeId)),
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.fetch);
  const { items: rows, nextCursor } = page.page(
    found,
    (f) => f.key,
    (kept) => kept.map((f) => f.r),
  );
  const [people, settings] = await Promise.all([
    employeeRows(
      db,
      rows.flatMap((r) => [r.menteeId, r.mentorId]),
    ),
    currentSettings(db),
  ]);
  return {
    nextCursor,
    items: rows.map((r) =>
      presentRelationship(
        r,
        people.get(r.menteeId)!,
        people.get(r.mentorId)!,
        r.menteeId === actor.employeeId ? 'mentee' : 'mentor',
        settings.terminationMinMonths,
      ),
    ),
  };
}

export async function getRelationship(db: Db, actor: UserActor, id: string) {
  const [a, settings] = await Promise.all([
    relationshipFor(db, actor, id, ['mentee', 'mentor', 'staff']),
    currentSettings(db),
  ]);
  return presentRelationship(a.row, a.mentee, a.mentor, a.viewer, settings.terminationMinMonths);
}

/** Runs one relationship event for an allowed viewer, in one transaction with the row locked, and audits it. */
export async function actOnRelationship(
  db: Db,
  actor: UserActor,
  id: string,
  allowed: Viewer[],
  action: AuditAction,
  ctx: AuditContext,
  appUrl: string,
  build: (
    a: Awaited<ReturnType<typeof relationshipFor>>,
    tx: Tx,
  ) => Promise<Parameters<typeof stepRelationship>[2]>,
  now = new Date(),
) {
  return transactionWithRetry(db, async (tx) => {
    const a = await relationshipFor(tx, actor, id, allowed, true);
    const event = await build(a, tx);
    const next = await stepRelationship(tx, a.row, event, actor.employeeId, now, appUrl);
    await audit(tx, ctx, {
      action,
      objectType: 'relationship',
      objectId: id,
      opdivs: [a.mentee.opdiv, a.mentor.opdiv],
      detail: { event: event.type, from: a.row.state, to: next.state },
    });
    return presentRelationship(
      next,
      a.mentee,
      a.mentor,
      a.viewer,
      (await currentSettings(tx)).terminationMinMonths,
      now,
    );
  });
}

/**
 * R-LIFE-1: the mentee records the pair's orientation. `waived` uses an earlier orientation (the date given, or
 * the mentee's last attendance on record); the domain refuses one older than 12 months.
 */
export async function recordOrientation(
  db: Db,
  actor: UserActor,
  id: string,
  input: { attendedAt?: string; waived?: boolean; earlierOrientationAt?: string },
  ctx: AuditContext,
  appUrl: string,
) {
  return actOnRelationship(
    db,
    actor,
    id,
    ['mentee'],
    'relationship.orientation',
    ctx,
    appUrl,
    async (a, tx) => {
      if (!input.waived)
        return {
          type: 'record_orientation',
          ...(input.attendedAt ? { attendedAt: new Date(input.attendedAt) } : {}),
        };
      const earlier = input.earlierOrientationAt
        ? new Date(input.earlierOrientationAt)
        : await lastOrientationAttendedAt(tx, a.row.menteeId);
      if (!earlier)
        throw problems.rule(
          'R-LIFE-1',
          'No earlier orientation is on record; give its date or attend the orientation.',
          422,
        );
      return { type: 'record_orientation', attendedAt: earlier };
    },
  );
}

const roleOf = (v: Viewer) => (v === 'mentor' ? 'mentor' : 'mentee') as 'mentor' | 'mentee';

/** R-LIFE-7: a partner asks to end the relationship (the domain refuses before the minimum months). */
export const requestTermination = (
  db: Db,
  actor: UserActor,
  id: string,
  reason: string,
  ctx: AuditContext,
  appUrl: string,
) =>
  actOnRelationship(
    db,
    actor,
    id,
    ['mentee', 'mentor'],
    'relationship.termination_request',
    ctx,
    appUrl,
    async (a) => ({ type: 'request_termination', by: roleOf(a.viewer), reason }),
  );

export const withdrawTermination = (
  db: Db,
  actor: UserActor,
  id: string,
  ctx: AuditContext,
  appUrl: string,
) =>
  actOnRelationship(
    db,
    actor,
    id,
    ['mentee', 'mentor'],
    'relationship.termination_withdraw',
    ctx,
    appUrl,
    async (a) => {
      if (a.row.terminationRequestedBy && a.row.terminationRequestedBy !== a.viewer)
        throw problems.forbidden('Only the partner who asked can withdraw the request.');
      return { type: 'withdraw_termination_request' };
    },
  );

export const recordGuidance = (
  db: Db,
  actor: UserActor,
  id: string,
  text: string,
  ctx: AuditContext,
  appUrl: string,
) =>
  actOnRelationship(db, actor, id, ['staff'], 'relationship.termination_guidance', ctx, appUrl, async () => ({
    type: 'record_guidance',
    coordinatorId: actor.employeeId,
    text,
  }));

/** After guidance, or earlier with a reason (R-LIFE-7). */
export const terminateRelationship = (
  db: Db,
  actor: UserActor,
  id: string,
  reason: string | undefined,
  ctx: AuditContext,
  appUrl: string,
) =>
  actOnRelationship(db, actor, id, ['staff'], 'relationship.terminate', ctx, appUrl, async () => ({
    type: 'terminate',
    coordinatorId: actor.employeeId,
    ...(reason ? { reason } : {}),
  }));
