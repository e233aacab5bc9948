import { and, eq, sql } from 'drizzle-orm';
import { nextRelationshipState, type RelationshipEvent } from '@hhs-mentoring/domain';
import type { Tx } from '../../db/client.js';
import { coordinatorContactRequests, relationshipEvents, relationships } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import { notify, type Notice } from '../platform/notifications.js';
import { releaseWaitlist } from '../pair-year/waitlist.js';
import { currentSettings } from '../platform/settings.js';
import { coordinatorsOf, employeeRows, fullName } from './people.js';
import { fromDomain, toDomain, type RelationshipRow } from './relationship-model.js';

/**
 * R-LIFE-8: runs the domain transition, persists it (guarded by the row version), records who did what and when
 * in relationship_events, and sends the notices its effects call for. A refusal is a 409 naming the rule.
 */
export async function stepRelationship(
  tx: Tx,
  row: RelationshipRow,
  event: RelationshipEvent,
  actorId: string | null,
  now: Date,
  appUrl: string,
): Promise<RelationshipRow> {
  const settings = await currentSettings(tx);
  const t = nextRelationshipState(toDomain(row), event, now, settings);
  if (!t.ok) throw problems.rule(t.rule, t.detail, 409);
  const [next] = await tx
    .update(relationships)
    .set({ ...fromDomain(t.relationship), updatedAt: now, version: sql`${relationships.version} + 1` })
    .where(and(eq(relationships.id, row.id), eq(relationships.version, row.version)))
    .returning();
  if (!next)
    throw problems.conflict('The relationship changed while you were working on it; reload and try again.');
  await tx.insert(relationshipEvents).values({
    relationshipId: row.id,
    event: event.type,
    fromState: row.state,
    toState: next.state,
    actorId,
    at: now,
  });
  if (t.effects.includes('alert_coordinator_help_requested') && actorId)
    await tx
      .insert(coordinatorContactRequests)
      .values({ relationshipId: row.id, requestedBy: actorId, source: 'progress_report' });
  await sendRelationshipNotices(tx, next, t.effects, appUrl);
  // R-WAIT-3: an ending frees the mentor's place; the first waiting mentee hears of it.
  if (next.state === 'completed' || next.state === 'terminated')
    await releaseWaitlist(tx, next.mentorId, now, appUrl);
  return next;
}

type Audience = 'pair' | 'coordinators' | 'mentee';
/** What each step tells people, in words (the rule stays in the code and the audit, not the sentence). */
export const NOTICES: Record<string, { to: Audience[]; kind: string; title: string; body: string }> = {
  alert_coordinator_agreement_complete: {
    to: ['coordinators'],
    kind: 'relationship.agreement_complete',
    title: 'Mentoring agreement completed',
    body: '{pair} completed their mentoring agreement.',
  },
  alert_coordinator_idp_complete: {
    to: ['coordinators'],
    kind: 'relationship.idp_complete',
    title: 'IDP completed',
    body: '{pair} completed the Individual Development Plan.',
  },
  alert_coordinator_help_requested: {
    to: ['coordinators'],
    kind: 'relationship.help_requested',
    title: 'A participant asks you to contact them',
    body: 'A partner of {pair} asked in their progress report for the coordinator to contact them.',
  },
  alert_coordinator_termination_requested: {
    to: ['coordinators'],
    kind: 'relationship.termination_requested',
    title: 'Termination requested',
    body: 'A partner of {pair} asked to end the relationship. Please record your guidance before it takes effect.',
  },
  notify_pair_guidance_recorded: {
    to: ['pair'],
    kind: 'relationship.guidance',
    title: 'Your coordinator recorded guidance',
    body: 'Your coordinator recorded guidance on the request to end the relationship of {pair}.',
  },
  notify_coordinator_termination_withdrawn: {
    to: ['coordinators', 'pair'],
    kind: 'relationship.termination_withdrawn',
    title: 'Termination request withdrawn',
    body: 'The request to end the relationship of {pair} was withdrawn; the relationship continues.',
  },
  relationship_terminated: {
    to: ['pair', 'coordinators'],
    kind: 'relationship.terminated',
    title: 'Mentoring relationship ended',
    body: 'The mentoring relationship of {pair} has ended.',
  },
  relationship_active: {
    to: ['pair'],
    kind: 'relationship.active',
    title: 'Your mentoring relationship is active',
    body: 'Orientation, agreement and IDP are complete: the relationship of {pair} is now active.',
  },
  relationship_completed_early: {
    to: ['pair', 'coordinators'],
    kind: 'relationship.completed_early',
    title: 'Mentoring relationship completed early',
    body: 'The mentoring relationship of {pair} is complete: both partners and the coordinator agreed its goals are met.',
  },
  relationship_completed: {
    to: ['pair', 'coordinators'],
    kind: 'relationship.completed',
    title: 'Mentoring year completed',
    body: 'The mentoring relationship of {pair} is complete. Thank you both.',
  },
};

export async function recipients(tx: Tx, row: RelationshipRow, audience: Audience[]): Promise<string[]> {
  const out = new Set<string>();
  if (audience.includes('pair')) [row.menteeId, row.mentorId].forEach((id) => out.add(id));
  if (audience.includes('mentee')) out.add(row.menteeId);
  if (audience.includes('coordinators')) {
    const people = await employeeRows(tx, [row.menteeId, row.mentorId]);
    for (const id of await coordinatorsOf(
      tx,
      [...people.values()].map((p) => p.opdiv),
    ))
      out.add(id);
  }
  return [...out];
}

export async function pairLabel(tx: Tx, row: RelationshipRow): Promise<string> {
  const people = await employeeRows(tx, [row.menteeId, row.mentorId]);
  return `${fullName(people.get(row.menteeId)!)} (mentee) and ${fullName(people.get(row.mentorId)!)} (mentor)`;
}

export async function sendRelationshipNotices(
  tx: Tx,
  row: RelationshipRow,
  effects: string[],
  appUrl: string,
  extra: Partial<Notice> = {},
) {
  for (const effect of effects) {
    const n = NOTICES[effect];
    if (!n) continue;
    const pair = await pairLabel(tx, row);
    for (const to of await recipients(tx, row, n.to))
      await notify(
        tx,
        {
          to,
          kind: n.kind,
          title: n.title,
          body: n.body.replace('{pair}', pair),
          link: `/relationships/${row.id}`,
          data: { relationshipId: row.id },
          ...extra,
        },
        appUrl,
      );
  }
}
