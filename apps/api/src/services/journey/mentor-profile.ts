import { and, eq, isNull } from 'drizzle-orm';
import { COMPETENCIES } from '@hhs-mentoring/domain';
import type { Db } from '../../db/client.js';
import { employees, mentorApplications } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { visibleContactIds } from './contact-visibility.js';
import { currentSettings } from '../platform/settings.js';
import { publicMentorInfo } from './suggestions.js';

const competencyByCode = new Map(COMPETENCIES.map((c) => [c.code, c]));

/**
 * R-MATCH-2 / R-MATCH-5: one mentor's profile for any signed-in user: the search card plus the whole application
 * and directory facts. Contact details only when visibleContactIds allows them. A person without an active mentor
 * application (never applied, withdrawn) or no longer in the directory is "not found".
 */
export async function mentorProfile(db: Db, viewer: UserActor, employeeId: string) {
  const [found] = await db
    .select({ e: employees, m: mentorApplications })
    .from(mentorApplications)
    .innerJoin(employees, eq(employees.id, mentorApplications.employeeId))
    .where(
      and(
        eq(mentorApplications.employeeId, employeeId),
        isNull(mentorApplications.withdrawnAt),
        eq(employees.active, true),
      ),
    );
  if (!found) throw problems.notFound('That mentor');
  const { e, m } = found;
  const [cards, settings, visible] = await Promise.all([
    publicMentorInfo(db, [e.id]),
    currentSettings(db),
    visibleContactIds(db, viewer, [e], new Set([e.id])),
  ]);
  return {
    ...cards.get(e.id)!,
    competencyDetails: m.competencies.map((code) => {
      const c = competencyByCode.get(code);
      return { code, name: c?.name ?? code, focus: c?.focus ?? false };
    }),
    // R-CAP-1: a mentor's own capacity never exceeds the program maximum.
    capacity: Math.min(m.capacity, settings.maxCapacity),
    paused: m.paused,
    acceptsOtherOpdivs: m.acceptsOtherOpdivs,
    education: m.education,
    positions: m.positions,
    occupationSeries: e.occupationSeries,
    timeZone: e.timeZone,
    commissionedCorps: e.commissionedCorps,
    contact: visible.has(e.id) ? { email: e.email, phone: e.phone } : null,
  };
}
