import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { buildMentorIndex, type MentorIndex, type ProgramSettings } from '@hhs-mentoring/domain';
import { queryRows, type Db } from '../../db/client.js';
import { LIVE_RELATIONSHIP_STATES } from '../../db/states.js';
import { employees, mentorApplications, programSettings, relationships } from '../../db/schema/index.js';
import { settingsOf } from '../platform/settings.js';
import { mentorProfileOf } from './profiles.js';

type Cached = { version: number; index: Promise<MentorIndex> };
// One cache per database handle (tests run several databases in one process).
const cache = new WeakMap<Db, Cached>();

/**
 * The version of everything the index is built from: the sum of the change counters that triggers bump in the
 * same transaction as any change to mentor applications, mentors' directory rows or relationships (decision 0251).
 * Reading 64 small rows costs well under a millisecond; a count or max() over the tables would not, and a
 * timestamp can go backwards when transactions commit out of order. The program settings come in the same
 * statement (the scorer needs both; one round trip instead of two).
 */
async function versionAndSettings(db: Db): Promise<{ version: number; settings: ProgramSettings }> {
  const [row] = await queryRows<{
    v: string | number | null;
    value: unknown;
    version: number | null;
    updated_at: string | Date | null;
  }>(
    db,
    sql`select (select sum(version) from mentor_data_versions) as v, s.value, s.version, s.updated_at
        from (select 1) one left join ${programSettings} s on s.id = 1`,
  );
  const stored =
    row?.version == null
      ? undefined
      : { value: row.value, version: row.version, updatedAt: new Date(row.updated_at!) };
  return { version: Number(row?.v ?? 0), settings: settingsOf(stored).value as unknown as ProgramSettings };
}

async function loadIndex(db: Db): Promise<MentorIndex> {
  const rows = await db
    .select({ app: mentorApplications, employee: employees })
    .from(mentorApplications)
    .innerJoin(employees, eq(employees.id, mentorApplications.employeeId))
    .where(
      and(
        isNull(mentorApplications.withdrawnAt),
        eq(mentorApplications.paused, false),
        eq(employees.active, true),
      ),
    );
  const live = await db
    .select({ id: relationships.mentorId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(relationships)
    .where(inArray(relationships.state, [...LIVE_RELATIONSHIP_STATES]))
    .groupBy(relationships.mentorId);
  const liveBy = new Map(live.map((r) => [r.id, r.n]));
  return buildMentorIndex(
    rows.map((r) => mentorProfileOf(r.app, r.employee, liveBy.get(r.app.employeeId) ?? 0)),
  );
}

/**
 * R-MATCH-1 performance: the built index of active mentors, rebuilt only when the mentor data version changes,
 * with the current program settings. The version is read before the data, so an index is never older than its
 * version (at worst one extra rebuild), and a slower rebuild for an older version never replaces a newer one.
 */
export async function matchingContext(db: Db): Promise<{ index: MentorIndex; settings: ProgramSettings }> {
  const { version, settings } = await versionAndSettings(db);
  const hit = cache.get(db);
  if (hit && hit.version >= version) return { index: await hit.index, settings };
  const index = loadIndex(db);
  const entry = { version, index };
  cache.set(db, entry);
  index.catch(() => {
    if (cache.get(db) === entry) cache.delete(db);
  });
  return { index: await index, settings };
}
