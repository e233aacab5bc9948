import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { buildMentorIndex, type MentorIndex, type ProgramSettings } from '@hhs-mentoring/domain';
import { queryRows, type Db } from '../../db/client.js';
import { LIVE_RELATIONSHIP_STATES } from '../../db/states.js';
import { employees, mentorApplications, programSettings, relationships } from '../../db/schema/index.js';
import { settingsOf } from '../platform/settings.js';
import { mentorProfileOf } from './profiles.js';
import type { MentorCardFacts } from './mentor-cards.js';

/** The index with each indexed mentor's card facts (the suggestions page shows cards without reading them again). */
type Built = { index: MentorIndex; cards: ReadonlyMap<string, MentorCardFacts> };
type Cached = { version: number; built: Promise<Built> };
/** The mentor data version and the program settings, read in one statement (alone, or beside other columns). */
export type MatchingStamp = { version: number; settings: ProgramSettings };
// One cache per database handle (tests run several databases in one process).
const cache = new WeakMap<Db, Cached>();

/**
 * The version of everything the index is built from: the sum of the change counters that triggers bump in the
 * same transaction as any change to mentor applications, mentors' directory rows or relationships (decision 0251).
 * Reading 64 small rows costs well under a millisecond; a count or max() over the tables would not, and a
 * timestamp can go backwards when transactions commit out of order. The program settings come in the same
 * statement (the scorer needs both; one round trip instead of two).
 */
/** The version and settings as columns: `v` and `settings` (a json object of the settings row, or null). */
export const stampColumnsSql = sql`(select sum(version) from mentor_data_versions) as v,
  (select json_build_object('value', s.value, 'version', s.version, 'updated_at', s.updated_at)
     from ${programSettings} s where s.id = 1) as settings`;
export type StampColumns = {
  v: string | number | null;
  settings: { value: unknown; version: number; updated_at: string } | null;
};

export function stampOf(row: StampColumns | undefined): MatchingStamp {
  const stored = row?.settings
    ? {
        value: row.settings.value,
        version: row.settings.version,
        updatedAt: new Date(row.settings.updated_at),
      }
    : undefined;
  return { version: Number(row?.v ?? 0), settings: settingsOf(stored).value as unknown as ProgramSettings };
}

async function versionAndSettings(db: Db): Promise<MatchingStamp> {
  const [row] = await queryRows<StampColumns>(db, sql`select ${stampColumnsSql}`);
  return stampOf(row);
}

async function loadIndex(db: Db): Promise<Built> {
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
  const index = buildMentorIndex(
    rows.map((r) => mentorProfileOf(r.app, r.employee, liveBy.get(r.app.employeeId) ?? 0)),
  );
  const cards = new Map<string, MentorCardFacts>();
  for (const { app, employee: e } of rows)
    cards.set(e.id, {
      id: e.id,
      firstName: e.firstName,
      lastName: e.lastName,
      opdiv: e.opdiv,
      payPlan: e.payPlan,
      grade: e.grade,
      occupationTitle: e.occupationTitle,
      city: e.city,
      state: e.state,
      bio: app.bio,
      competencies: app.competencies,
      technicalAreas: app.technicalAreas,
      platforms: app.platforms,
      communicationMethods: app.communicationMethods,
      capacity: app.capacity,
      live: liveBy.get(e.id) ?? 0,
      paused: app.paused,
    });
  return { index, cards };
}

/**
 * R-MATCH-1 performance: the built index of active mentors, rebuilt only when the mentor data version changes,
 * with the current program settings. The version is read before the data, so an index is never older than its
 * version (at worst one extra rebuild), and a slower rebuild for an older version never replaces a newer one.
 */
export async function matchingContext(
  db: Db,
  stamp?: MatchingStamp,
): Promise<{ index: MentorIndex; cards: ReadonlyMap<string, MentorCardFacts>; settings: ProgramSettings }> {
  const { version, settings } = stamp ?? (await versionAndSettings(db));
  const hit = cache.get(db);
  if (hit && hit.version >= version) return { ...(await hit.built), settings };
  const built = loadIndex(db);
  const entry = { version, built };
  cache.set(db, entry);
  built.catch(() => {
    if (cache.get(db) === entry) cache.delete(db);
  });
  return { ...(await built), settings };
}
