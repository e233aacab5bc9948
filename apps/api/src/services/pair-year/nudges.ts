import { sql } from 'drizzle-orm';
import { DAY_MS, DEFAULT_NUDGES, unmatchedNudgeStep, type NudgeSettings } from '@hhs-mentoring/domain';
import { queryRows, type Db } from '../../db/client.js';
import { notify } from '../platform/notifications.js';
import { readSettings } from '../platform/settings.js';
import { formatDate } from './when.js';
import { LIVE_SQL } from '../../db/states.js';

const BATCH = 500;

/**
 * R-NUDGE-1..3 reminders for people stuck in the process, a 'once' job. People who turned nudges off are skipped
 * in SQL (R-NUDGE-4); each reminder has a dedupe key, so it goes out once however often or wherever the job runs.
 */
export async function sendNudges(db: Db, now: Date, appUrl: string) {
  const stored = (await readSettings(db)).value as unknown as Partial<NudgeSettings>;
  const s: NudgeSettings = { ...DEFAULT_NUDGES, ...stored };
  const off = sql`not exists (select 1 from notification_preferences p where p.employee_id = x.person and p.nudges_off)`;
  let sent = 0;

  // R-NUDGE-1: mentees with an application and no live relationship after 14 and 30 days (program settings).
  const first = Math.min(...s.nudgeUnmatchedDays);
  const unmatched = await queryRows<{ person: string; created_at: string }>(
    db,
    sql`
    select x.* from (select a.employee_id as person, a.created_at from mentee_applications a
      where a.withdrawn_at is null and a.created_at <= ${new Date(now.getTime() - first * DAY_MS)}
        and not exists (select 1 from relationships r where r.mentee_id = a.employee_id and r.state in ${LIVE_SQL})) x
    where ${off} limit ${BATCH}`,
  );
  for (const u of unmatched) {
    const step = unmatchedNudgeStep(new Date(u.created_at), now, s.nudgeUnmatchedDays);
    if (step === null) continue;
    await db.transaction((tx) =>
      notify(
        tx,
        {
          to: u.person,
          kind: 'nudge.unmatched',
          title: 'Your suggested mentors are waiting',
          link: '/suggestions',
          body: `You applied as a mentee on ${formatDate(new Date(u.created_at))} and are not matched yet. Look at your suggested mentors and invite up to three, or ask your coordinator for help.`,
          dedupeKey: `nudge:unmatched:${new Date(u.created_at).toISOString()}:${step}`,
        },
        appUrl,
      ),
    );
    sent += 1;
  }

  // R-NUDGE-2: a mentor with an invitation unanswered for 5 days, before it expires.
  const pending = await queryRows<{ id: string; person: string; expires_at: string }>(
    db,
    sql`
    select x.* from (select i.id, i.mentor_id as person, i.expires_at from invitations i
      where i.state = 'pending' and i.sent_at <= ${new Date(now.getTime() - s.nudgeInvitationDays * DAY_MS)} and i.expires_at > ${now}) x
    where ${off} limit ${BATCH}`,
  );
  for (const i of pending) {
    await db.transaction((tx) =>
      notify(
        tx,
        {
          to: i.person,
          kind: 'nudge.invitation',
          title: 'An invitation is waiting for your answer',
          link: `/invitations/${i.id}`,
          body: `A mentee is waiting for your answer to their invitation. It expires on ${formatDate(new Date(i.expires_at))}. Accept it, decline it, or send them a question first.`,
          dedupeKey: `nudge:invitation:${i.id}`,
        },
        appUrl,
      ),
    );
    sent += 1;
  }

  // R-NUDGE-3: an accepted invitation the mentee has not confirmed.
  const accepted = await queryRows<{ id: string; person: string }>(
    db,
    sql`
    select x.* from (select i.id, i.mentee_id as person from invitations i
      where i.state = 'accepted' and i.answered_at <= ${new Date(now.getTime() - s.nudgeUnconfirmedDays * DAY_MS)}) x
    where ${off} limit ${BATCH}`,
  );
  for (const i of accepted) {
    await db.transaction((tx) =>
      notify(
        tx,
        {
          to: i.person,
          kind: 'nudge.unconfirmed',
          title: 'Confirm your mentor',
          link: `/invitations/${i.id}`,
          body: 'A mentor accepted your invitation. Confirm the match to start your mentoring relationship, or withdraw if you chose someone else.',
          dedupeKey: `nudge:unconfirmed:${i.id}`,
        },
        appUrl,
      ),
    );
    sent += 1;
  }
  return sent;
}
