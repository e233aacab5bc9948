import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { idps, invitations, messageReads, messages } from '../db/schema/index.js';
import type { EmployeeSeed, Workforce } from './workforce.js';
import { DEMO_PAIRS, seedDemoJourneys } from './journeys.js';
import { seedPairYearMeetings, seedPairYearMessages, seedWaitlists } from './pair-year.js';
import { seedUuid } from './seed-ids.js';

const DAY = 86_400_000;

/** Decision 1004: the demo counts its dates from the start of the current day (UTC), so a seed is the same all day. */
export const demoAnchor = (now = new Date()) => new Date(Math.floor(now.getTime() / DAY) * DAY);

/** Where in DEMO_PAIRS the quiet pairs sit (R-MEET-6): two past 2 × their interval, one nudged at 1.6 ×. */
const QUIET: ReadonlyArray<[index: number, intervals: number]> = [
  [12, 2.5],
  [14, 2.5],
  [17, 1.6],
];
/** The demo mentee and mentor's pair: active for 130 days, agreement and IDP done, meeting every two weeks. */
const DEMO_PAIR_SPEC = ['active', 130] as const;

/**
 * Issue 17 §6: a program in its second year for the CDC coordinator (decision 1004). `people` are the demo accounts
 * (program manager, coordinator, supervisor, mentee, mentor); with `livePair`, the demo mentee and mentor are a pair
 * with meetings, messages (one unread for the mentee), an IDP shared with the supervisor, and the mentor has an
 * invitation with a question in its thread.
 */
export async function seedLivingProgram(
  db: Db,
  w: Workforce,
  people: EmployeeSeed[],
  now: Date,
  livePair: boolean,
) {
  const [, coordinator, supervisor, mentee, mentor] = people as [
    EmployeeSeed,
    EmployeeSeed,
    EmployeeSeed,
    EmployeeSeed,
    EmployeeSeed,
  ];
  const extra = livePair
    ? [
        {
          pair: {
            mentee,
            mentor,
            platform: 's2j' as const,
            needs: ['strategic-thinking', 'conflict-management', 'accountability'],
          },
          spec: DEMO_PAIR_SPEC,
        },
      ]
    : [];
  const exclude = new Set(people.map((p) => p.id));
  const pairs = await seedDemoJourneys(db, w, exclude, coordinator.id, now, extra);
  const quiet = new Map(
    QUIET.filter(([i]) => i < pairs.length).map(([i, f]) => [pairs[i]!.relationship.id, f]),
  );
  await seedPairYearMeetings(db, pairs, now, quiet);
  await seedPairYearMessages(db, pairs, now, new Set(livePair ? [mentee.id] : []));

  // Unmatched CDC mentees (sorted ids): the first five wait for two mentors, the next asks the demo mentor.
  const paired = new Set(pairs.flatMap((p) => [p.mentee.id, p.mentor.id]));
  const cdc = new Set(w.employees.filter((e) => e.opdiv === 'CDC' && e.gradeRank < 14).map((e) => e.id));
  const unmatched = w.mentees
    .filter((m) => cdc.has(m.employeeId) && !paired.has(m.employeeId) && !exclude.has(m.employeeId))
    .map((m) => m.employeeId)
    .sort();
  const live = pairs.filter((p, i) => p.relationship.state === 'active' && i < DEMO_PAIRS.length);
  if (live.length >= 2)
    await seedWaitlists(db, live[1]!.mentor.id, live[3 % live.length]!.mentor.id, unmatched.slice(0, 5), now);
  const s2j = new Set(w.mentees.filter((m) => m.platform === 's2j').map((m) => m.employeeId));
  const asking = unmatched.slice(5).find((id) => s2j.has(id));
  if (livePair) await demoAccountsExtras(db, pairs.at(-1)!.relationship.id, supervisor, mentor, asking, now);
  return pairs.length;
}

/** The demo supervisor sees the demo mentee's IDP; the demo mentor has an invitation with a question asked. */
async function demoAccountsExtras(
  db: Db,
  relationshipId: string,
  supervisor: EmployeeSeed,
  mentor: EmployeeSeed,
  asking: string | undefined,
  now: Date,
) {
  await db
    .update(idps)
    .set({ sharedWithSupervisorAt: new Date(now.getTime() - 90 * DAY), sharedSupervisorId: supervisor.id })
    .where(eq(idps.relationshipId, relationshipId));
  if (!asking) return;
  const id = seedUuid('invitation:demo-mentor');
  const sentAt = new Date(now.getTime() - 2 * DAY);
  await db.insert(invitations).values({
    id,
    menteeId: asking,
    mentorId: mentor.id,
    platform: 's2j',
    state: 'pending',
    message: 'I am moving into program evaluation and would value your guidance on budget formulation.',
    sentAt,
    expiresAt: new Date(sentAt.getTime() + 14 * DAY),
    updatedAt: sentAt,
  });
  const thread = await db
    .insert(messages)
    .values([
      {
        invitationId: id,
        authorId: mentor.id,
        body: 'Thanks for asking. How much time a month could you give to this?',
        createdAt: new Date(sentAt.getTime() + DAY),
      },
      {
        invitationId: id,
        authorId: asking,
        body: 'About four hours, mostly in the mornings.',
        createdAt: new Date(sentAt.getTime() + DAY + 3 * 3_600_000),
      },
    ])
    .returning({ id: messages.id });
  await db.insert(messageReads).values({
    thread: `i:${id}`,
    employeeId: asking,
    lastReadId: thread.at(-1)!.id,
    readAt: new Date(sentAt.getTime() + DAY + 3 * 3_600_000),
  });
}
