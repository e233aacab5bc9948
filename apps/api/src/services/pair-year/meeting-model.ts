import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { cadenceStatus, DEFAULT_CADENCE, isLive, type Cadence, type Meeting } from '@hhs-mentoring/domain';
import type { Tx } from '../../db/client.js';
import { agreements, meetingRecords, meetings } from '../../db/schema/index.js';
import type { RelationshipRow } from '../journey/relationship-model.js';

export type MeetingRow = typeof meetings.$inferSelect;
export const toMeeting = (r: MeetingRow): Meeting => ({
  state: r.state,
  proposedBy: r.proposedBy,
  startsAt: r.startsAt,
  durationMinutes: r.durationMinutes,
  mode: r.mode,
  location: r.location,
  agenda: r.agenda,
  sequence: r.sequence,
});

/** R-MEET-1: the agreed cadence, or monthly (the guide's "i.e., monthly") until the agreement names one. */
export async function cadenceOf(
  tx: Tx,
  relationshipId: string,
): Promise<{ cadence: Cadence; agreed: boolean; usualMode: string | null }> {
  const [row] = await tx
    .select({ cadence: agreements.cadence, usualMode: agreements.usualMode })
    .from(agreements)
    .where(eq(agreements.relationshipId, relationshipId));
  return {
    cadence: row?.cadence ?? DEFAULT_CADENCE,
    agreed: Boolean(row?.cadence),
    usualMode: row?.usualMode ?? null,
  };
}

/** R-MEET-5: a meeting counts as held once either partner recorded it (those that began by `until`, if given). */
export async function heldMeetings(
  tx: Tx,
  relationshipIds: string[],
  until?: Date,
): Promise<Map<string, { count: number; last: Date | null }>> {
  const out = new Map<string, { count: number; last: Date | null }>();
  if (relationshipIds.length === 0) return out;
  const rows = await tx
    .select({
      id: meetings.relationshipId,
      count: sql<number>`count(distinct ${meetings.id})::int`,
      last: sql<string | null>`max(${meetings.startsAt})`,
    })
    .from(meetings)
    .where(
      and(
        inArray(meetings.relationshipId, relationshipIds),
        sql`exists (select 1 from ${meetingRecords} r where r.meeting_id = ${meetings.id})`,
        until ? lte(meetings.startsAt, until) : undefined,
      ),
    )
    .groupBy(meetings.relationshipId);
  for (const r of rows) out.set(r.id, { count: Number(r.count), last: r.last ? new Date(r.last) : null });
  return out;
}

/** The cadence summary the relationship page, the progress report and the coordinator's view show. */
export async function cadenceSummary(tx: Tx, rel: RelationshipRow, now: Date) {
  const { cadence, agreed, usualMode } = await cadenceOf(tx, rel.id);
  const held = (await heldMeetings(tx, [rel.id])).get(rel.id) ?? { count: 0, last: null };
  const [next] = await tx
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.relationshipId, rel.id),
        inArray(meetings.state, ['proposed', 'accepted']),
        sql`${meetings.startsAt} > ${now}`,
      ),
    )
    .orderBy(meetings.startsAt)
    .limit(1);
  const watch = cadenceStatus(held.last ?? rel.confirmedAt, cadence, now);
  const live = isLive(rel.state);
  return {
    cadence,
    cadenceAgreed: agreed,
    usualMode,
    meetingsHeld: held.count,
    lastMeetingAt: held.last?.toISOString() ?? null,
    nextMeeting: next
      ? { id: next.id, startsAt: next.startsAt.toISOString(), timeZone: next.timeZone, state: next.state }
      : null,
    status: live ? watch.status : ('on_track' as const),
    nudgeAt: watch.nudgeAt.toISOString(),
    quietAt: watch.quietAt.toISOString(),
  };
}
