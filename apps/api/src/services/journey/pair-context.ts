import { sql } from 'drizzle-orm';
import type { ProgramSettings, SupervisorLookup } from '@hhs-mentoring/domain';
import { preparedRows, preparedSql, type Tx } from '../../db/client.js';
import { rowFromJson } from '../../db/json-rows.js';
import { LIVE_SQL, OPEN_SQL } from '../../db/states.js';
import {
  employees,
  invitations,
  mentorApplications,
  programSettings,
  relationships,
} from '../../db/schema/index.js';
import { settingsOf } from '../platform/settings.js';
import type { InvitationRow } from './invitation-view.js';
import { lookupFrom, type EmployeeRow } from './people.js';
import { menteeActivitySql, type MenteeActivity, type MentorRow } from './profiles.js';

/** Everything the hard rules need to judge one mentee/mentor pair, read in one statement. */
export type PairContext = {
  people: Map<string, EmployeeRow>;
  /** Read for an invitation and an answer (the confirmation locks it instead). */
  mentorApp: MentorRow | undefined;
  settings: ProgramSettings;
  /** R-CAP-1: the mentor's live relationships. */
  mentorLive: number;
  /** R-CAP-2, R-CAP-3, R-MATCH-1: the mentee's live relationship, open and declined invitations (not read for an answer). */
  activity: MenteeActivity;
  /** R-DIR-3: the reporting chains above both (not read for an answer). */
  supervisorOf: SupervisorLookup;
  /** For a confirmation: the mentee's other open invitations, locked (FOR UPDATE). */
  others: InvitationRow[];
};

type Raw = {
  people: Record<string, unknown>[] | null;
  mentorApp?: Record<string, unknown> | null;
  settings: Record<string, unknown> | null;
  mentorLive: number;
  activity?: MenteeActivity;
  chain?: [string, string | null][];
  others?: Record<string, unknown>[];
};

/** What each step reads: the rest it already holds from its locks, or does not need. */
type Purpose = 'invite' | 'answer' | 'confirm';
const READS: Record<Purpose, { mentorApp: boolean; activity: boolean; chain: boolean; others: boolean }> = {
  invite: { mentorApp: true, activity: true, chain: true, others: false }, // the mentee's application came with its lock
  answer: { mentorApp: true, activity: false, chain: false, others: false }, // R-CAP-1 and R-APP-2 only
  confirm: { mentorApp: false, activity: true, chain: true, others: true }, // both applications came with their locks
};

/**
 * The pair's people, the program settings, the mentor's live count and, as the step needs them, the mentor's
 * active application, the mentee's activity, both reporting chains (walked upward with a bounded recursive CTE)
 * and the mentee's other open invitations (locked FOR UPDATE): one prepared statement instead of up to seven
 * (decision 0505). Read it AFTER taking the locks that guard the counts (READ COMMITTED gives each statement a fresh
 * snapshot, so a count read by a later statement sees every transaction that held the lock before us).
 */
function pairContextSql(purpose: Purpose, byInvitation: boolean) {
  const reads = READS[purpose];
  // By invitation: the pair is read from the invitation row, so this statement can be sent together with the one
  // locking that invitation, before its answer is back (pipelined; PostgreSQL runs them in order).
  const menteeId = byInvitation ? sql`(select mentee_id from pair)` : sql.placeholder('menteeId');
  const mentorId = byInvitation ? sql`(select mentor_id from pair)` : sql.placeholder('mentorId');
  const ctes = [
    ...(byInvitation
      ? [
          sql`pair as (select mentee_id, mentor_id from ${invitations} where id = ${sql.placeholder('invitationId')})`,
        ]
      : []),
    ...(reads.chain
      ? [
          sql`up(id, supervisor_id, depth) as (
      select id, supervisor_id, 0 from ${employees} where id in (${menteeId}, ${mentorId})
      union
      select e.id, e.supervisor_id, up.depth + 1 from ${employees} e join up on e.id = up.supervisor_id where up.depth < 100)`,
        ]
      : []),
  ];
  const fields = [
    sql`'people', (select json_agg(e) from ${employees} e where e.id in (${menteeId}, ${mentorId}))`,
    sql`'settings', (select to_json(s) from ${programSettings} s where s.id = 1)`,
    sql`'mentorLive', (select count(*)::int from ${relationships} r where r.mentor_id = ${mentorId} and r.state in ${LIVE_SQL})`,
    ...(reads.mentorApp
      ? [
          sql`'mentorApp', (select to_json(a) from ${mentorApplications} a where a.employee_id = ${mentorId} and a.withdrawn_at is null)`,
        ]
      : []),
    ...(reads.activity ? [sql`'activity', ${menteeActivitySql(menteeId)}`] : []),
    ...(reads.chain
      ? [
          sql`'chain', (select coalesce(json_agg(json_build_array(c.id, c.supervisor_id)), '[]'::json) from (select distinct id, supervisor_id from up) c)`,
        ]
      : []),
    ...(reads.others
      ? [
          sql`'others', (select coalesce(json_agg(o), '[]'::json) from (select * from ${invitations} i where i.mentee_id = ${menteeId}
        and i.id <> ${sql.placeholder('invitationId')} and i.state in ${OPEN_SQL} order by i.id for update) o)`,
        ]
      : []),
  ];
  const withClause = ctes.length ? sql`with recursive ${sql.join(ctes, sql`, `)} ` : sql``;
  return sql`${withClause}select json_build_object(${sql.join(fields, sql`, `)}) as ctx`;
}

const PAIR_CONTEXT = {
  invite: preparedSql('pair_context_invite', () => pairContextSql('invite', false)),
  answer: preparedSql('pair_context_answer', () => pairContextSql('answer', true)),
  confirm: preparedSql('pair_context_confirm', () => pairContextSql('confirm', true)),
};

/** For an invitation about to be sent by this mentee to this mentor. */
export async function readPairContext(tx: Tx, menteeId: string, mentorId: string): Promise<PairContext> {
  const [row] = await preparedRows<{ ctx: Raw }>(tx, PAIR_CONTEXT.invite, { menteeId, mentorId });
  return pairContextFrom(row!.ctx);
}

/** For the mentor's answer to, or the confirmation of, an invitation: read by the invitation's id. */
export async function readInvitationPairContext(
  tx: Tx,
  invitationId: string,
  purpose: 'answer' | 'confirm',
): Promise<PairContext> {
  const [row] = await preparedRows<{ ctx: Raw }>(tx, PAIR_CONTEXT[purpose], { invitationId });
  return pairContextFrom(row!.ctx);
}

function pairContextFrom(raw: Raw): PairContext {
  const people = new Map(
    (raw.people ?? []).map((p) => {
      const e = rowFromJson(employees, p);
      return [e.id, e] as const;
    }),
  );
  return {
    people,
    mentorApp: raw.mentorApp ? rowFromJson(mentorApplications, raw.mentorApp) : undefined,
    settings: settingsOf(raw.settings ? rowFromJson(programSettings, raw.settings) : undefined)
      .value as unknown as ProgramSettings,
    mentorLive: raw.mentorLive,
    activity: raw.activity ?? { live: 0, invited: [] },
    supervisorOf: lookupFrom(new Map(raw.chain ?? [])),
    others: (raw.others ?? []).map((o) => rowFromJson(invitations, o)),
  };
}
