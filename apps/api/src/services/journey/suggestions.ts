import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { aboutTheMentee, scoreCandidatesIndexed, type SupervisorLookup } from '@hhs-mentoring/domain';
import { compareKeys, pageArray, type PageParams } from '../../lib/pagination.js';
import type { Db } from '../../db/client.js';
import { employees, menteeApplications, mentorApplications } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { coversAny } from '../coordination/scope.js';
import { currentSettings } from '../platform/settings.js';
import { matchingContext, stampColumnsSql, stampOf, type StampColumns } from './mentor-index.js';
import { publicCard } from './mentor-cards.js';
import { waitingCounts } from '../pair-year/waitlist.js';
import { menteeActivitySql, menteeProfileFrom, type MenteeActivity } from './profiles.js';
import { LIVE_SQL } from '../../db/states.js';

/** Suggestions are the best SUGGESTION_WINDOW eligible mentors; explanations are built only for those. */
export const SUGGESTION_WINDOW = 100;

/**
 * R-DIR-3 for one mentee against many mentors, as a json expression: the mentee's chain upward ([id, supervisor]
 * pairs) and the mentors below the mentee (a downward CTE that stops at the bounded depth).
 */
function chainSql(menteeId: ReturnType<typeof sql.placeholder>): SQL {
  return sql`(with recursive up(id, supervisor_id, depth) as (
      select id, supervisor_id, 0 from employees where id = ${menteeId}
      union
      select e.id, e.supervisor_id, up.depth + 1 from employees e join up on e.id = up.supervisor_id where up.depth < 100
    ), down(id, depth) as (
      select id, 1 from employees where supervisor_id = ${menteeId}
      union
      select e.id, down.depth + 1 from employees e join down on e.supervisor_id = down.id where down.depth < 100
    )
    select json_build_object(
      'up', (select coalesce(json_agg(json_build_array(u.id, u.supervisor_id)), '[]'::json) from (select distinct id, supervisor_id from up) u),
      'below', (select coalesce(json_agg(distinct down.id), '[]'::json) from down join mentor_applications m on m.employee_id = down.id)))`;
}
type Chain = { up: [string, string | null][]; below: string[] };

/** A mentor below the mentee is given the mentee as direct supervisor: all the chain test needs to know. */
function chainLookup(menteeId: string, chain: Chain): SupervisorLookup {
  const above = new Map(chain.up);
  const mentorsBelow = new Set(chain.below);
  return (id) => above.get(id) ?? (mentorsBelow.has(id) ? menteeId : null);
}

/** The mentee, their active application, activity and reporting chain: one prepared statement. */
function menteeContextQuery(db: Db) {
  const menteeId = sql.placeholder('menteeId');
  return db
    .select({
      employee: employees,
      app: menteeApplications,
      activity: sql<MenteeActivity>`${menteeActivitySql(menteeId)}`,
      chain: sql<Chain>`${chainSql(menteeId)}`,
      // The mentor index's version and the settings in the same statement: one round trip, not two.
      stamp: sql<StampColumns>`(select row_to_json(t) from (select ${stampColumnsSql}) t)`,
    })
    .from(employees)
    .leftJoin(
      menteeApplications,
      and(eq(menteeApplications.employeeId, employees.id), isNull(menteeApplications.withdrawnAt)),
    )
    .where(eq(employees.id, menteeId))
    .prepare('suggestions_mentee_context');
}
// Prepared once per database handle (tests run several databases in one process).
const menteeQueries = new WeakMap<Db, ReturnType<typeof menteeContextQuery>>();

/**
 * R-MATCH-1: the mentee, their active application and their `limit` best eligible mentors. One statement reads the
 * mentee with their application, activity and reporting chain, and the mentor index's version with the settings;
 * the index (with the mentors' cards) is rebuilt only when that version moved. Shared by the suggestions page and
 * the new-mentor notice (R-WAIT-5).
 */
export async function rankMentorsFor(db: Db, menteeId: string, limit: number) {
  let menteeQuery = menteeQueries.get(db);
  if (!menteeQuery) menteeQueries.set(db, (menteeQuery = menteeContextQuery(db)));
  const [row] = await menteeQuery.execute({ menteeId });
  const context = await matchingContext(db, row ? stampOf(row.stamp) : undefined);
  if (!row?.app) return { employee: row?.employee, ranked: null, ...context };
  const mentee = menteeProfileFrom(row.app, row.employee, row.activity);
  const ranked = scoreCandidatesIndexed(mentee, context.index, context.settings, {
    supervisorOf: chainLookup(menteeId, row.chain),
    limit,
  });
  return { employee: row.employee, ranked, ...context };
}

/** R-MATCH-1: ranked eligible mentors for a mentee, a page of mentor cards with the reasons. */
export async function suggestionsFor(db: Db, actor: UserActor, menteeId: string, params: PageParams) {
  const { employee, ranked, settings, cards } = await rankMentorsFor(db, menteeId, SUGGESTION_WINDOW);
  const self = menteeId === actor.employeeId;
  if (!employee || (!self && !coversAny(actor, [employee.opdiv]))) throw problems.notFound('That mentee');
  if (!ranked) {
    const who = self ? 'You have' : 'This person has';
    throw problems.rule(
      'R-MATCH-1',
      `${who} no mentee application. Apply as a mentee first; suggestions are built from the application.`,
      409,
    );
  }
  // Ranked by score, then mentor id: the cursor is the last (score, id) shown (R-API-4).
  const page = pageArray(ranked, params, (s) => [s.total, s.mentorId], compareKeys(0));
  // The cards come with the index (as current as the version just read); only the waitlists are read per page.
  const waiting = await waitingCounts(
    db,
    page.items.map((s) => s.mentorId),
  );
  // A coordinator reads the sentences about the mentee, not addressed to them.
  const voice = self ? (sentence: string) => sentence : aboutTheMentee;
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((s) => ({
      mentor: publicCard(cards.get(s.mentorId)!, settings.maxCapacity, waiting.get(s.mentorId) ?? 0),
      score: s.total,
      criteria: s.criteria.map((c) => ({ ...c, explanation: voice(c.explanation) })),
      reasons: s.reasons.map(voice),
    })),
    total: ranked.length,
  };
}

function mentorCardsQuery(db: Db) {
  return db
    .select({
      id: employees.id,
      firstName: employees.firstName,
      lastName: employees.lastName,
      opdiv: employees.opdiv,
      payPlan: employees.payPlan,
      grade: employees.grade,
      occupationTitle: employees.occupationTitle,
      city: employees.city,
      state: employees.state,
      bio: mentorApplications.bio,
      competencies: mentorApplications.competencies,
      technicalAreas: mentorApplications.technicalAreas,
      platforms: mentorApplications.platforms,
      communicationMethods: mentorApplications.communicationMethods,
      capacity: mentorApplications.capacity,
      live: sql<number>`(select count(*)::int from relationships r where r.mentor_id = ${employees.id}
        and r.state in ${LIVE_SQL})`,
      paused: mentorApplications.paused,
      waiting: sql<number>`(select count(*)::int from mentor_waitlist w where w.mentor_id = ${employees.id} and w.notified_at is null)`,
    })
    .from(mentorApplications)
    .innerJoin(employees, eq(employees.id, mentorApplications.employeeId))
    .where(sql`${mentorApplications.employeeId} = any(${sql.placeholder('ids')}::text[])`)
    .prepare('mentor_cards');
}
type MentorCardsQuery = ReturnType<typeof mentorCardsQuery>;
// Prepared once per database handle (tests run several databases in one process).
const cardQueries = new WeakMap<Db, MentorCardsQuery>();

/** Mentors' public cards: no email or phone (R-MATCH-5). One prepared statement for a page of them. */
export async function publicMentorInfo(db: Db, ids: string[], programMaxCapacity?: number) {
  if (ids.length === 0) return new Map();
  const maxCapacity = programMaxCapacity ?? (await currentSettings(db)).maxCapacity;
  let query = cardQueries.get(db);
  if (!query) cardQueries.set(db, (query = mentorCardsQuery(db)));
  const rows = await query.execute({ ids });
  return new Map(rows.map((m) => [m.id, publicCard(m, maxCapacity, Number(m.waiting))]));
}
