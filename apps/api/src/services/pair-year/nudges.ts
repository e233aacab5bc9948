import { sql } from 'drizzle-orm';
import { DAY_MS } from '@hhs-mentoring/domain';
import { queryRows, type Db } from '../../db/client.js';
import { notify } from '../platform/notifications.js';
import { currentSettings } from '../platform/settings.js';
import { sendUnmatchedNudges } from './nudge-unmatched.js';
import { formatDate } from './when.js';

const BATCH = 500;

/**
 * Reminders already sent are left out in SQL (notifications_dedupe_uq), so a batch is always people still to remind:
 * with more than BATCH due, the next run reaches the rest instead of picking the same ones again.
 */
const notSent = (prefix: string) =>
  sql`not exists (select 1 from notifications n where n.recipient_id = x.person and n.dedupe_key = ${prefix} || x.id::text)`;

/**
 * R-NUDGE-1..3 reminders for people stuck in the process, a 'once' job. People who turned nudges off are skipped
 * in SQL (R-NUDGE-4); each reminder has a dedupe key, so it goes out once however often or wherever the job runs.
 */
export async function sendNudges(db: Db, now: Date, appUrl: string) {
  const s = await currentSettings(db);
  const off = sql`not exists (select 1 from notification_preferences p where p.employee_id = x.person and p.nudges_off)`;

  // R-NUDGE-1: mentees with an application and no live relationship, with their top suggestions.
  let sent = await sendUnmatchedNudges(db, s, off, now, appUrl);

  // R-NUDGE-2: a mentor with an invitation unanswered for `nudgeInvitationDays` (5), before it expires.
  const pending = await queryRows<{ id: string; person: string; expires_at: string }>(
    db,
    sql`
    select x.* from (select i.id, i.mentor_id as person, i.expires_at from invitations i
      where i.state = 'pending' and i.sent_at <= ${new Date(now.getTime() - s.nudgeInvitationDays * DAY_MS)} and i.expires_at > ${now}) x
    where ${off} and ${notSent('nudge:invitation:')} limit ${BATCH}`,
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

  // R-NUDGE-3: an accepted invitation the mentee has not confirmed after `nudgeUnconfirmedDays` (3).
  const accepted = await queryRows<{ id: string; person: string }>(
    db,
    sql`
    select x.* from (select i.id, i.mentee_id as person from invitations i
      where i.state = 'accepted' and i.answered_at <= ${new Date(now.getTime() - s.nudgeUnconfirmedDays * DAY_MS)}) x
    where ${off} and ${notSent('nudge:unconfirmed:')} limit ${BATCH}`,
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
