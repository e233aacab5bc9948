import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { DAY_MS, unmatchedNudgeStep, type NudgeSettings } from '@hhs-mentoring/domain';
import { queryRows, type Db } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import { LIVE_SQL } from '../../db/states.js';
import { rankMentorsFor } from '../journey/suggestions.js';
import { employeeRows, fullName } from '../journey/people.js';
import { notify } from '../platform/notifications.js';
import { formatDate } from './when.js';

/** R-NUDGE-1: the reminder names the mentee's best suggested mentors, as the suggestions page ranks them. */
export const REMINDER_TOP = 3;
const BATCH = 500;

const keyOf = (appliedAt: Date, step: number) => `nudge:unmatched:${appliedAt.toISOString()}:${step}`;

/** "- Dana Smith: Covers 2 of your 3 development needs: …." One line per mentor, the scorer's first reason. */
async function topSuggestionLines(db: Db, menteeId: string): Promise<{ ids: string[]; lines: string[] }> {
  const { ranked } = await rankMentorsFor(db, menteeId, REMINDER_TOP);
  const top = ranked ?? [];
  const people = await employeeRows(
    db,
    top.map((s) => s.mentorId),
  );
  const lines = top.flatMap((s) => {
    const mentor = people.get(s.mentorId);
    const reason = s.reasons[0] ?? s.criteria[0]?.explanation;
    return mentor ? [`- ${fullName(mentor)}${reason ? `: ${reason}.` : ''}`] : [];
  });
  return { ids: top.map((s) => s.mentorId), lines };
}

/**
 * R-NUDGE-1: mentees with an application and no live relationship after each `nudgeUnmatchedDays` threshold, with
 * their current top REMINDER_TOP suggestions. Reminders already sent (their dedupe key) are skipped before ranking,
 * so each run ranks only the mentees it is about to remind.
 */
export async function sendUnmatchedNudges(db: Db, s: NudgeSettings, off: SQL, now: Date, appUrl: string) {
  const first = Math.min(...s.nudgeUnmatchedDays);
  // Every unmatched mentee, BATCH at a time in employee id order: whether a reminder is due depends on the step
  // reached, so the page cannot skip those already reminded in SQL; ranking is only for the due and unsent.
  let sent = 0;
  for (let after = ''; ;) {
    const unmatched = await queryRows<{ person: string; created_at: string }>(
      db,
      sql`
      select x.* from (select a.employee_id as person, a.created_at from mentee_applications a
        where a.withdrawn_at is null and a.created_at <= ${new Date(now.getTime() - first * DAY_MS)}
          and a.employee_id > ${after}
          and not exists (select 1 from relationships r where r.mentee_id = a.employee_id and r.state in ${LIVE_SQL})) x
      where ${off} order by x.person limit ${BATCH}`,
    );
    sent += await remindDue(db, unmatched, s, now, appUrl);
    if (unmatched.length < BATCH) return sent;
    after = unmatched[unmatched.length - 1]!.person;
  }
}

async function remindDue(
  db: Db,
  unmatched: Array<{ person: string; created_at: string }>,
  s: NudgeSettings,
  now: Date,
  appUrl: string,
) {
  const due = unmatched.flatMap((u) => {
    const appliedAt = new Date(u.created_at);
    const step = unmatchedNudgeStep(appliedAt, now, s.nudgeUnmatchedDays);
    return step === null ? [] : [{ person: u.person, appliedAt, key: keyOf(appliedAt, step) }];
  });
  const sentBefore = due.length
    ? await db
        .select({ to: notifications.recipientId, key: notifications.dedupeKey })
        .from(notifications)
        .where(
          and(
            eq(notifications.kind, 'nudge.unmatched'),
            inArray(
              notifications.recipientId,
              due.map((d) => d.person),
            ),
          ),
        )
    : [];
  const done = new Set(sentBefore.map((r) => `${r.to} ${r.key}`));
  let sent = 0;
  for (const d of due) {
    if (done.has(`${d.person} ${d.key}`)) continue;
    const { ids, lines } = await topSuggestionLines(db, d.person);
    const suggested = lines.length
      ? `Your ${lines.length === 1 ? 'best suggested mentor' : `${lines.length} best suggested mentors`} today:\n${lines.join('\n')}\n\nInvite up to three, or ask your coordinator for help.`
      : 'No mentor fits your application yet. Your coordinator can help you widen it.';
    await db.transaction((tx) =>
      notify(
        tx,
        {
          to: d.person,
          kind: 'nudge.unmatched',
          title: 'Your suggested mentors are waiting',
          link: '/suggestions',
          body: `You applied as a mentee on ${formatDate(d.appliedAt)} and are not matched yet. ${suggested}`,
          data: { mentorIds: ids },
          dedupeKey: d.key,
        },
        appUrl,
      ),
    );
    sent += 1;
  }
  return sent;
}
