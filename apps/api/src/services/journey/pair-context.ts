import { sql } from 'drizzle-orm';
import type { ProgramSettings, SupervisorLookup } from '@hhs-mentoring/domain';
import { preparedRows, type Tx } from '../../db/client.js';
import { rowFromJson } from '../../db/json-rows.js';
import { employees, invitations, menteeApplications, mentorApplications, programSettings, relationships } from '../../db/schema/index.js';
import { settingsOf } from '../settings.js';
import type { InvitationRow } from './invitation-view.js';
import { lookupFrom, type EmployeeRow } from './people.js';
import { LIVE_STATES, menteeActivitySql, OPEN_STATES, type MenteeActivity, type MenteeRow, type MentorRow } from './profiles.js';

/** Everything the hard rules need to judge one mentee/mentor pair, read in one statement. */
export type PairContext = {
  people: Map<string, EmployeeRow>;
  menteeApp: MenteeRow | undefined;
  mentorApp: MentorRow | undefined;
  settings: ProgramSettings;
  /** R-CAP-1: the mentor's live relationships. */
  mentorLive: number;
  /** R-CAP-2, R-CAP-3, R-MATCH-1: the mentee's live relationship, open and declined invitations. */
  activity: MenteeActivity;
  /** R-DIR-3: the reporting chains above both. */
  supervisorOf: SupervisorLookup;
  /** With `lockOthersExcept`: the mentee's other open invitations, locked (FOR UPDATE). */
  others: InvitationRow[];
};

type Raw = {
  people: Record<string, unknown>[] | null;
  menteeApp: Record<string, unknown> | null;
  mentorApp: Record<string, unknown> | null;
  settings: Record<string, unknown> | null;
  mentorLive: number;
  activity: MenteeActivity;
  chain: [string, string | null][];
  others: Record<string, unknown>[];
};

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * The pair's people, active applications, program settings, the mentor's live count, the mentee's activity and
 * both reporting chains (walked upward with a bounded recursive CTE): one round trip instead of seven, a prepared statement (decision 0505).
 * Read it AFTER taking the locks that guard the counts (READ COMMITTED gives each statement a fresh snapshot, so a
 * count read by a later statement sees every transaction that held the lock before us).
 */
function pairContextSql(lockOthers: boolean, byInvitation: boolean) {
  // By invitation: the pair is read from the invitation row, so this statement can be sent together with the one
  // locking that invitation, before its answer is back (pipelined; PostgreSQL runs them in order).
  const menteeId = byInvitation ? sql`(select mentee_id from pair)` : sql.placeholder('menteeId');
  const mentorId = byInvitation ? sql`(select mentor_id from pair)` : sql.placeholder('mentorId');
  const pair = byInvitation ? sql`pair as (select mentee_id, mentor_id from ${invitations} where id = ${sql.placeholder('invitationId')}),` : sql``;
  const others = lockOthers
    ? sql`(select coalesce(json_agg(o), '[]'::json) from (select * from ${invitations} i where i.mentee_id = ${menteeId}
        and i.id <> ${sql.placeholder('except')} and i.state in (${list(OPEN_STATES)}) order by i.id for update) o)`
    : sql`'[]'::json`;
  return sql`
    with recursive ${pair} up(id, supervisor_id, depth) as (
      select id, supervisor_id, 0 from ${employees} where id in (${menteeId}, ${mentorId})
      union
      select e.id, e.supervisor_id, up.depth + 1 from ${employees} e join up on e.id = up.supervisor_id where up.depth < 100
    )
    select json_build_object(
      'people', (select json_agg(e) from ${employees} e where e.id in (${menteeId}, ${mentorId})),
      'menteeApp', (select to_json(a) from ${menteeApplications} a where a.employee_id = ${menteeId} and a.withdrawn_at is null),
      'mentorApp', (select to_json(a) from ${mentorApplications} a where a.employee_id = ${mentorId} and a.withdrawn_at is null),
      'settings', (select to_json(s) from ${programSettings} s where s.id = 1),
      'mentorLive', (select count(*)::int from ${relationships} r where r.mentor_id = ${mentorId} and r.state in (${list(LIVE_STATES)})),
      'activity', ${menteeActivitySql(menteeId)},
      'chain', (select coalesce(json_agg(json_build_array(c.id, c.supervisor_id)), '[]'::json) from (select distinct id, supervisor_id from up) c),
      'others', ${others}
    ) as ctx`;
}

export async function readPairContext(tx: Tx, menteeId: string, mentorId: string): Promise<PairContext> {
  const [row] = await preparedRows<{ ctx: Raw }>(tx, 'pair_context', () => pairContextSql(false, false), { menteeId, mentorId });
  return pairContextFrom(row!.ctx);
}

/**
 * The context of an invitation's pair, read by the invitation's id; with `lockOthers`, also the mentee's other open
 * invitations, locked (FOR UPDATE) for the confirmation to close them.
 */
export async function readInvitationPairContext(tx: Tx, invitationId: string, options: { lockOthers?: boolean } = {}): Promise<PairContext> {
  const lock = options.lockOthers ?? false;
  const [row] = await preparedRows<{ ctx: Raw }>(tx, lock ? 'invitation_pair_context_lock_others' : 'invitation_pair_context',
    () => pairContextSql(lock, true), { invitationId, except: invitationId });
  return pairContextFrom(row!.ctx);
}

function pairContextFrom(raw: Raw): PairContext {
  const people = new Map((raw.people ?? []).map((p) => {
    const e = rowFromJson(employees, p);
    return [e.id, e] as const;
  }));
  return {
    people,
    menteeApp: raw.menteeApp ? rowFromJson(menteeApplications, raw.menteeApp) : undefined,
    mentorApp: raw.mentorApp ? rowFromJson(mentorApplications, raw.mentorApp) : undefined,
    settings: settingsOf(raw.settings ? rowFromJson(programSettings, raw.settings) : undefined).value as unknown as ProgramSettings,
    mentorLive: raw.mentorLive,
    activity: raw.activity,
    supervisorOf: lookupFrom(new Map(raw.chain)),
    others: raw.others.map((o) => rowFromJson(invitations, o)),
  };
}
