import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { buildMentorIndex, type MentorIndex } from '@hhs-mentoring/domain';
import { queryRows, type Db } from '../../db/client.js';
import { employees, mentorApplications, relationships } from '../../db/schema/index.js';
import { LIVE_STATES, mentorProfileOf } from './profiles.js';

type Cached = { version: string; index: Promise<MentorIndex> };
// One cache per database handle (tests run several databases in one process).
const cache = new WeakMap<Db, Cached>();

/**
 * A cheap fingerprint of everything the index is built from: mentor applications (count, last change), the
 * directory rows of mentors (last change) and relationships (every live-count change writes a relationship_event).
 */
async function mentorDataVersion(db: Db): Promise<string> {
  const [row] = await queryRows<{ v: string }>(
    db,
    sql`select concat_ws(':',
          (select count(*) from mentor_applications),
          (select max(updated_at) from mentor_applications),
          (select max(e.updated_at) from employees e join mentor_applications m on m.employee_id = e.id),
          (select max(id) from relationship_events)) as v`,
  );
  return row?.v ?? '';
}

async function loadIndex(db: Db): Promise<MentorIndex> {
  const rows = await db
    .select({ app: mentorApplications, employee: employees })
    .from(mentorApplications)
    .innerJoin(employees, eq(employees.id, mentorApplications.employeeId))
    .where(and(isNull(mentorApplications.withdrawnAt), eq(mentorApplications.paused, false), eq(employees.active, true)));
  const live = await db
    .select({ id: relationships.mentorId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(relationships)
    .where(inArray(relationships.state, [...LIVE_STATES]))
    .groupBy(relationships.mentorId);
  const liveBy = new Map(live.map((r) => [r.id, r.n]));
  return buildMentorIndex(rows.map((r) => mentorProfileOf(r.app, r.employee, liveBy.get(r.app.employeeId) ?? 0)));
}

/** R-MATCH-1 performance: the built index of active mentors, rebuilt only when the mentor data version changes. */
export async function mentorIndex(db: Db): Promise<MentorIndex> {
  const version = await mentorDataVersion(db);
  const hit = cache.get(db);
  if (hit && hit.version === version) return hit.index;
  const index = loadIndex(db);
  cache.set(db, { version, index });
  index.catch(() => cache.delete(db));
  return index;
}
