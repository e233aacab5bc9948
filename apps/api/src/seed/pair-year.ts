import { inArray, sql } from 'drizzle-orm';
import { CADENCE_DAYS, type Cadence } from '@hhs-mentoring/domain';
import type { Db } from '../db/client.js';
import {
  agreements,
  earlyCompletionAgreements,
  meetingRecords,
  meetings,
  mentorApplications,
  mentorWaitlist,
  messageReads,
  messages,
} from '../db/schema/index.js';
import type { DemoPair } from './journeys.js';
import type { relationships } from '../db/schema/index.js';
import { seedUuid } from './seed-ids.js';

const DAY = 86_400_000;
type Rel = typeof relationships.$inferSelect;
type SeededPair = DemoPair & { relationship: Rel };
type MeetingRow = typeof meetings.$inferInsert;
type RecordRow = typeof meetingRecords.$inferInsert;

/** Meetings at 10:00 in Washington (15:00 UTC), an hour long: the same instants on every seed with one anchor. */
const at1500 = (d: Date) => new Date(Math.floor(d.getTime() / DAY) * DAY + 15 * 3_600_000);
const PLACES = {
  video: (i: number) => `https://hhs.zoomgov.com/j/16${String(10_000_000 + i * 7919).slice(-8)}`,
  in_person: () => 'Hubert H. Humphrey Building, room 415F',
  phone: () => '',
};
const AGENDAS = [
  'Review the IDP objectives and the next milestone.',
  'Talk through the stakeholder briefing and what to try next.',
  'Budget formulation: walk through last year’s justification.',
  'Feedback on the draft evaluation plan.',
  'Career conversation: details, stretch assignments, next steps.',
];
const NOTES = [
  ['Good momentum; follow up on the briefing dates.', 'Next: share the draft plan a week ahead.'],
  ['Felt stuck on the data request; mentor suggested who to ask.', 'Action: contact the data steward.'],
  ['Practised the presentation opening twice.', 'Next time: questions from leadership.'],
] as const;

/**
 * Issue 17 §6: the working year of the demo pairs. Live pairs meet on their agreed cadence (R-MEET-1) with held
 * meetings recorded by both partners (R-MEET-5), a next meeting and some proposals; `quiet` pairs stopped meeting
 * 1.6 or 2.5 intervals ago (nudged and "quiet", R-MEET-6); ended pairs met through their year; completed-early pairs
 * carry the three agreements (R-END-1). Dates come from the anchor, ids from names: the same rows on every seed.
 */
export async function seedPairYearMeetings(
  db: Db,
  pairs: SeededPair[],
  now: Date,
  quiet: Map<string, number>,
) {
  const rows: MeetingRow[] = [];
  const records: RecordRow[] = [];
  const [agreed] = await Promise.all([
    db
      .select({ id: agreements.relationshipId, cadence: agreements.cadence, mode: agreements.usualMode })
      .from(agreements)
      .where(
        inArray(
          agreements.relationshipId,
          pairs.map((p) => p.relationship.id),
        ),
      ),
  ]);
  const byRel = new Map(agreed.map((a) => [a.id, a]));
  pairs.forEach((p, i) => {
    const r = p.relationship;
    const a = byRel.get(r.id);
    if (!a || !r.agreementAt) return;
    const cadence = (a.cadence ?? 'monthly') as Cadence;
    const mode = a.mode ?? 'video';
    const step = CADENCE_DAYS[cadence] * DAY;
    const live = !r.endedAt;
    const stopAt =
      r.endedAt ?? r.terminationRequestedAt ?? new Date(now.getTime() - (quiet.get(r.id) ?? 0.4) * step);
    const meeting = (k: number, startsAt: Date, state: MeetingRow['state'], sequence = 0): MeetingRow => ({
      id: seedUuid(`meeting:${i}:${k}`),
      relationshipId: r.id,
      state,
      proposedBy: k % 3 === 0 ? 'mentee' : 'mentor',
      startsAt,
      timeZone: 'America/New_York',
      durationMinutes: 60,
      mode,
      location: PLACES[mode](i * 100 + k),
      agenda: AGENDAS[(i + k) % AGENDAS.length]!,
      sequence,
      createdAt: new Date(startsAt.getTime() - 7 * DAY),
      updatedAt: new Date(startsAt.getTime() - 6 * DAY),
    });
    let k = 0;
    for (let t = r.agreementAt.getTime() + 3 * DAY; t <= stopAt.getTime(); t += step, k++) {
      const startsAt = at1500(new Date(t));
      if (k % 9 === 4) {
        rows.push(meeting(k, startsAt, 'cancelled', 1)); // life happens: one in nine is cancelled
        continue;
      }
      rows.push(meeting(k, startsAt, 'accepted'));
      const [privateNote, sharedNote] = NOTES[(i + k) % NOTES.length]!;
      const recordedAt = new Date(startsAt.getTime() + 2 * 3_600_000);
      records.push({
        meetingId: seedUuid(`meeting:${i}:${k}`),
        authorId: r.menteeId,
        role: 'mentee',
        privateNote,
        sharedNote,
        recordedAt,
      });
      if (k % 3 !== 2)
        records.push({
          meetingId: seedUuid(`meeting:${i}:${k}`),
          authorId: r.mentorId,
          role: 'mentor',
          privateNote: 'Mentee is growing in confidence; keep pushing on the stretch goal.',
          sharedNote: '',
          recordedAt,
        });
    }
    // What comes next for a live pair that still meets: an accepted meeting soon, and every other pair a proposal.
    if (live && !quiet.has(r.id) && r.state !== 'termination_requested') {
      rows.push(meeting(k++, at1500(new Date(now.getTime() + (2 + (i % 6)) * DAY)), 'accepted'));
      if (i % 2 === 0) rows.push(meeting(k++, at1500(new Date(now.getTime() + step + 2 * DAY)), 'proposed'));
    }
  });
  for (let i = 0; i < rows.length; i += 500) await db.insert(meetings).values(rows.slice(i, i + 500));
  for (let i = 0; i < records.length; i += 500)
    await db.insert(meetingRecords).values(records.slice(i, i + 500));
  const early = pairs.filter((p) => p.relationship.completedEarly);
  if (early.length > 0)
    await db.insert(earlyCompletionAgreements).values(
      early.flatMap(({ relationship: r }) => [
        {
          relationshipId: r.id,
          party: 'mentee' as const,
          agreedBy: r.menteeId,
          note: 'My goals are met.',
          agreedAt: new Date(r.endedAt!.getTime() - 3 * DAY),
        },
        {
          relationshipId: r.id,
          party: 'mentor' as const,
          agreedBy: r.mentorId,
          note: '',
          agreedAt: new Date(r.endedAt!.getTime() - 2 * DAY),
        },
        {
          relationshipId: r.id,
          party: 'coordinator' as const,
          agreedBy: r.endedBy ?? r.mentorId,
          note: 'Agreed with both partners.',
          agreedAt: r.endedAt!,
        },
      ]),
    );
  return { meetings: rows.length, records: records.length };
}

const THREAD = [
  ['mentee', 'Thanks for today. I put the briefing dates in the shared notes.'],
  ['mentor', 'Good. Send me the draft a week ahead and I will mark it up.'],
  [
    'mentee',
    'Will do. Is this the guidance you mentioned? https://www.opm.gov/policy-data-oversight/training-and-development/',
  ],
  ['mentor', 'Yes, section 3 is the useful part. See you at our next meeting.'],
] as const;

/**
 * R-MSG-1..3: a few messages in each live pair's thread and in some ended ones, everyone read up to the end except
 * the `unreadFor` mentees, who have the mentor's last message still to read (an unread count on their screens).
 */
export async function seedPairYearMessages(db: Db, pairs: SeededPair[], now: Date, unreadFor: Set<string>) {
  const talking = pairs.filter((p, i) => !p.relationship.endedAt || i % 3 === 0);
  const rows = talking.flatMap(({ relationship: r }, i) =>
    THREAD.map(([role, body], k) => ({
      relationshipId: r.id,
      authorId: role === 'mentee' ? r.menteeId : r.mentorId,
      body,
      createdAt: new Date((r.endedAt ?? now).getTime() - (6 - k) * DAY - (i % 5) * 3_600_000),
    })),
  );
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(messages)
    .values(rows)
    .returning({ id: messages.id, rel: messages.relationshipId });
  const last = new Map<string, number[]>();
  for (const m of inserted) last.set(m.rel!, [...(last.get(m.rel!) ?? []), m.id]);
  await db.insert(messageReads).values(
    talking.flatMap(({ relationship: r }) => {
      const ids = last.get(r.id)!;
      const end = ids.at(-1)!;
      const readAt = new Date((r.endedAt ?? now).getTime() - DAY);
      return [
        { thread: `r:${r.id}`, employeeId: r.mentorId, lastReadId: end, readAt },
        {
          thread: `r:${r.id}`,
          employeeId: r.menteeId,
          lastReadId: unreadFor.has(r.menteeId) ? ids.at(-2)! : end,
          readAt,
        },
      ];
    }),
  );
  return rows.length;
}

/**
 * R-WAIT-1/2: two mentors of live pairs are full (capacity lowered to their live mentees) or paused, with unmatched
 * CDC mentees waiting in the order they asked; one of them was told of a place before and is still listed as told.
 */
export async function seedWaitlists(db: Db, full: string, paused: string, waiting: string[], now: Date) {
  await db
    .update(mentorApplications)
    .set({
      capacity: sql`greatest(1, (select count(*)::int from relationships r where r.mentor_id = ${full}
        and r.state in ('onboarding', 'active', 'termination_requested')))`,
    })
    .where(sql`${mentorApplications.employeeId} = ${full}`);
  await db
    .update(mentorApplications)
    .set({ paused: true })
    .where(sql`${mentorApplications.employeeId} = ${paused}`);
  const rows = waiting.map((menteeId, k) => ({
    mentorId: k % 2 === 0 ? full : paused,
    menteeId,
    joinedAt: new Date(now.getTime() - (30 - k * 3) * DAY),
    notifiedAt: k === 0 ? new Date(now.getTime() - 12 * DAY) : null,
  }));
  if (rows.length) await db.insert(mentorWaitlist).values(rows);
  return rows.length;
}
