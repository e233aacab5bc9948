import { sql, type SQL } from 'drizzle-orm';
import { cadenceStatus, CADENCE_DAYS, type Cadence } from '@hhs-mentoring/domain';
import { queryRows, type Db, type Tx } from '../../db/client.js';
import { pairIn, type Scope } from '../coordination/scope.js';
import { notify } from '../platform/notifications.js';
import { pairLabel, recipients } from '../journey/relationship-steps.js';
import type { RelationshipRow } from '../journey/relationship-model.js';
import { nudgesOffAmong } from './nudge-preferences.js';
import { formatDate } from './when.js';
import { LIVE_SQL } from '../../db/states.js';

const intervalDays = sql.raw(
  `(case coalesce(a.cadence, 'monthly') ${Object.entries(CADENCE_DAYS)
    .map(([k, d]) => `when '${k}' then ${d}`)
    .join(' ')} end)`,
);

type Watched = {
  id: string;
  mentee_id: string;
  mentor_id: string;
  state: RelationshipRow['state'];
  confirmed_at: string;
  cadence: Cadence;
  last_held: string | null;
  mentee_name: string;
  mentor_name: string;
  mentee_opdiv: string;
  mentor_opdiv: string;
};

/** Live pairs whose last held meeting (or confirmation) is at least `factor` × their interval ago, chosen in SQL. */
async function pairsPast(
  db: Tx,
  factor: number,
  now: Date,
  where: SQL = sql`true`,
  limit = 10_000,
): Promise<Watched[]> {
  return queryRows<Watched>(
    db,
    sql`
    select r.id, r.mentee_id, r.mentor_id, r.state, r.confirmed_at, coalesce(a.cadence, 'monthly') as cadence, h.last_held,
      mentee.first_name || ' ' || mentee.last_name as mentee_name, mentor.first_name || ' ' || mentor.last_name as mentor_name,
      mentee.opdiv as mentee_opdiv, mentor.opdiv as mentor_opdiv
    from relationships r
    join employees mentee on mentee.id = r.mentee_id
    join employees mentor on mentor.id = r.mentor_id
    left join agreements a on a.relationship_id = r.id
    left join lateral (select max(m.starts_at) as last_held from meetings m
      where m.relationship_id = r.id and exists (select 1 from meeting_records mr where mr.meeting_id = m.id)) h on true
    where r.state in ${LIVE_SQL}
      and coalesce(h.last_held, r.confirmed_at) + make_interval(secs => ${factor}::float8 * ${intervalDays} * 86400) <= ${now}
      and ${where}
    order by coalesce(h.last_held, r.confirmed_at)
    limit ${limit}`,
  );
}

/** R-MEET-6: the "quiet pairs" of a scope: no meeting held for 2 × the agreed interval. */
export async function quietPairs(db: Db, scope: Scope, now = new Date()) {
  const rows = await pairsPast(db, 2, now, pairIn(sql`mentee.opdiv`, sql`mentor.opdiv`, scope), 500);
  return rows.map((r) => {
    const since = new Date(r.last_held ?? r.confirmed_at);
    return {
      relationshipId: r.id,
      menteeName: r.mentee_name,
      mentorName: r.mentor_name,
      menteeOpdiv: r.mentee_opdiv,
      mentorOpdiv: r.mentor_opdiv,
      cadence: r.cadence,
      lastMeetingAt: r.last_held ? new Date(r.last_held).toISOString() : null,
      confirmedAt: new Date(r.confirmed_at).toISOString(),
      daysSinceMeeting: cadenceStatus(since, r.cadence, now).daysSince,
    };
  });
}

/**
 * R-MEET-6 cadence watch, a 'once' job: at 1.5 × the interval both partners are nudged (unless they turned nudges
 * off, R-NUDGE-4); at 2 × the coordinators are alerted. Dedupe keys name the quiet spell (its start), so each
 * spell notifies once however often or wherever the job runs; a meeting held starts a new spell.
 */
export async function watchCadence(
  db: Db,
  now: Date,
  appUrl: string,
): Promise<{ nudged: number; alerted: number }> {
  let nudged = 0;
  let alerted = 0;
  for (const r of await pairsPast(db, 1.5, now)) {
    const since = new Date(r.last_held ?? r.confirmed_at);
    const { status } = cadenceStatus(since, r.cadence, now);
    const spell = since.toISOString();
    await db.transaction(async (tx) => {
      const off = await nudgesOffAmong(tx, [r.mentee_id, r.mentor_id]);
      const last = r.last_held
        ? `Your last recorded meeting was on ${formatDate(since)}.`
        : `No meeting is recorded since the match on ${formatDate(since)}.`;
      for (const to of [r.mentee_id, r.mentor_id].filter((id) => !off.has(id))) {
        await notify(
          tx,
          {
            to,
            kind: 'nudge.cadence',
            title: 'Time to plan your next mentoring meeting',
            link: `/relationships/${r.id}#meetings`,
            body: `${last} Your pair meets ${r.cadence.replaceAll('_', ' ')} (monthly unless your agreement says otherwise). Propose a time, or record a meeting you already held.`,
            data: { relationshipId: r.id },
            dedupeKey: `cadence:${r.id}:nudge:${spell}`,
          },
          appUrl,
        );
        nudged += 1;
      }
      if (status === 'quiet') {
        const row = { id: r.id, menteeId: r.mentee_id, mentorId: r.mentor_id } as RelationshipRow;
        const pair = await pairLabel(tx, row);
        for (const to of await recipients(tx, row, ['coordinators'])) {
          await notify(
            tx,
            {
              to,
              kind: 'relationship.quiet',
              title: 'A pair has stopped meeting',
              link: `/relationships/${r.id}`,
              body: `${pair} have not recorded a meeting for twice their agreed interval (${r.last_held ? `last on ${formatDate(since)}` : 'none since the match'}). You may want to check in with them.`,
              data: { relationshipId: r.id },
              dedupeKey: `cadence:${r.id}:quiet:${spell}`,
            },
            appUrl,
          );
          alerted += 1;
        }
      }
    });
  }
  return { nudged, alerted };
}
