import { desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { shortlists } from '../../db/schema/index.js';
import type { UserActor } from '../accounts/actors.js';
import { notify } from '../platform/notifications.js';
import { publicMentorInfo } from '../journey/suggestions.js';

export type ShortlistInput = {
  menteeId: string;
  mentorIds: string[];
  note: string;
  source: 'third_party' | 'cohort';
  caseId?: string | null;
};

/** R-MATCH-3: stores the shortlist and tells the mentee (R-NOTE-1), in the caller's transaction. */
export async function handShortlist(
  tx: Tx,
  handedBy: string,
  input: ShortlistInput,
  appUrl: string,
  now = new Date(),
) {
  const [row] = await tx
    .insert(shortlists)
    .values({
      menteeId: input.menteeId,
      caseId: input.caseId ?? null,
      source: input.source,
      mentorIds: input.mentorIds,
      note: input.note,
      handedBy,
      handedAt: now,
    })
    .returning();
  const count = input.mentorIds.length;
  await notify(
    tx,
    {
      to: input.menteeId,
      kind: 'shortlist.received',
      title: 'Your coordinator suggests mentors for you',
      body: `Your program coordinator looked for a mentor with you in mind and suggests ${count} ${count === 1 ? 'mentor' : 'mentors'}. Read their profiles and the coordinator's note, then invite the one you prefer.`,
      link: '/shortlists',
      data: { shortlistId: row!.id },
    },
    appUrl,
  );
  return row!;
}

/** The mentee's shortlists, newest first, with each mentor's public card (no contact details, R-MATCH-5). */
export async function myShortlists(db: Db, actor: UserActor) {
  const rows = await db
    .select()
    .from(shortlists)
    .where(eq(shortlists.menteeId, actor.employeeId))
    .orderBy(desc(shortlists.handedAt));
  const info = await publicMentorInfo(db, [...new Set(rows.flatMap((r) => r.mentorIds))]);
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    note: r.note,
    handedAt: r.handedAt.toISOString(),
    mentors: r.mentorIds.filter((id) => info.has(id)).map((id) => info.get(id)),
  }));
}
