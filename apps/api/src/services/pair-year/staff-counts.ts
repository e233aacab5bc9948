import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { opdivIn, pairIn, type Scope } from '../coordination/scope.js';
import { quietPairs } from './cadence-watch.js';

type Counts = {
  meetings: number;
  cadence: number;
  unmatched: number;
  invitation: number;
  unconfirmed: number;
  new_mentor: number;
  pending: number;
  waiting: number;
  early: number;
};

/** R-NUDGE-5 / R-WAIT-5 / R-MEET-6 / R-WAIT-1 / R-END-2: what the coordinator's dashboard counts for the pair's year. */
export async function pairYearCounts(db: Db, scope: Scope, now = new Date()) {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const nudges = (
    kind: string,
  ) => sql`(select count(*)::int from notifications n join employees e on e.id = n.recipient_id
    where n.kind = ${kind} and n.created_at >= ${since} and ${opdivIn(sql`e.opdiv`, scope)})`;
  const [c] = await queryRows<Counts>(
    db,
    sql`select
    (select count(distinct m.id)::int from meetings m join relationships r on r.id = m.relationship_id
      join employees me on me.id = r.mentee_id join employees mo on mo.id = r.mentor_id
      where m.starts_at >= ${since} and exists (select 1 from meeting_records mr where mr.meeting_id = m.id)
        and ${pairIn(sql`me.opdiv`, sql`mo.opdiv`, scope)}) as meetings,
    ${nudges('nudge.cadence')} as cadence, ${nudges('nudge.unmatched')} as unmatched,
    ${nudges('nudge.invitation')} as invitation, ${nudges('nudge.unconfirmed')} as unconfirmed,
    ${nudges('nudge.new_mentor')} as new_mentor,
    (select count(*)::int from email_outbox o join notifications n on n.id = o.notification_id
      join employees e on e.id = n.recipient_id
      where n.kind like 'nudge.%' and o.status in ('pending', 'sending') and ${opdivIn(sql`e.opdiv`, scope)}) as pending,
    (select count(*)::int from mentor_waitlist w join employees e on e.id = w.mentee_id where w.notified_at is null and ${opdivIn(sql`e.opdiv`, scope)}) as waiting,
    (select count(*)::int from relationships r join employees me on me.id = r.mentee_id join employees mo on mo.id = r.mentor_id
      where r.completed_early and ${pairIn(sql`me.opdiv`, sql`mo.opdiv`, scope)}) as early`,
  );
  return {
    quietPairs: (await quietPairs(db, scope, now)).length,
    meetingsHeldLast30Days: c?.meetings ?? 0,
    remindersLast30Days: {
      cadence: c?.cadence ?? 0,
      unmatched: c?.unmatched ?? 0,
      invitation: c?.invitation ?? 0,
      unconfirmed: c?.unconfirmed ?? 0,
      newMentor: c?.new_mentor ?? 0,
    },
    remindersAwaitingDelivery: c?.pending ?? 0,
    menteesWaiting: c?.waiting ?? 0,
    completedEarly: c?.early ?? 0,
  };
}
