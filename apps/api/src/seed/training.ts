import { sql } from 'drizzle-orm';
import { FOCUS_COMPETENCY_CODES, competencyName } from '@hhs-mentoring/domain';
import type { Db } from '../db/client.js';
import { trainingAttendance, trainingEvents } from '../db/schema/index.js';

type EventSeed = typeof trainingEvents.$inferInsert;
const LMS = 'https://lms.learning.hhs.gov/course';
const DAY = 86_400_000;

/** A weekday at hour:00 Eastern (UTC-5 kept simple for a demo), `weeks` weeks from now. */
function session(now: Date, weeks: number, hourEastern: number, minutes: number) {
  const start = new Date(now.getTime() + weeks * 7 * DAY);
  start.setUTCHours(hourEastern + 5, 0, 0, 0);
  while (start.getUTCDay() === 0 || start.getUTCDay() === 6) start.setTime(start.getTime() + DAY);
  return { startsAt: start, endsAt: new Date(start.getTime() + minutes * 60_000) };
}

/** R-TRAIN-1: the demo catalogue — HHSU's orientations, the Lunch and Learn series, the online courses (guide §XI.A). */
export function demoCatalogue(now: Date, createdBy: string): EventSeed[] {
  const orientationText =
    'Program structure and guidelines; roles and responsibilities of mentors and mentees; the mentoring agreement and ' +
    'confidentiality; developing the IDP. Attending one satisfies the orientation requirement for 12 months.';
  const classrooms = [
    ['Washington, DC — Hubert H. Humphrey Building, Room 505A', 2],
    ['Atlanta, GA — CDC Roybal Campus, Building 19 Auditorium B', 4],
    ['Rockville, MD — 5600 Fishers Lane, Conference Room 5E', 6],
  ] as const;
  return [
    {
      kind: 'orientation_online',
      title: 'HHS Mentoring Program orientation (online, self-paced)',
      description: orientationText,
      lmsUrl: `${LMS}/HHSU-MENT-100`,
      lmsCourseId: 'HHSU-MENT-100',
      createdBy,
    },
    ...classrooms.map(([location, weeks]): EventSeed => ({
      kind: 'orientation_instructor',
      title: `HHS Mentoring Program orientation (${location.split(' — ')[0]})`,
      description: `${orientationText} Includes a meet-and-greet for new pairs.`,
      location,
      capacity: 35,
      ...session(now, weeks, 9, 180),
      createdBy,
    })),
    ...FOCUS_COMPETENCY_CODES.map((code, i): EventSeed => ({
      kind: 'lunch_and_learn',
      title: `Lunch and Learn: ${competencyName(code)}`,
      competencyCode: code,
      description: `A speaker from across HHS on how ${competencyName(code)} shaped their career, then open questions. Bring your lunch and your mentoring partner.`,
      location: 'Microsoft Teams (the link comes with your registration confirmation)',
      capacity: 150,
      ...session(now, 3 + i * 4, 12, 60),
      createdBy,
    })),
    ...FOCUS_COMPETENCY_CODES.map((code, i): EventSeed => ({
      kind: 'online_course',
      title: `${competencyName(code)} for mentoring partners (online course)`,
      description: `Structured learning on ${competencyName(code)} and its use in the HHS workplace; extends the Lunch and Learn session.`,
      lmsUrl: `${LMS}/HHSU-MENT-2${String(i + 1).padStart(2, '0')}`,
      lmsCourseId: `HHSU-MENT-2${String(i + 1).padStart(2, '0')}`,
      createdBy,
    })),
  ];
}

/**
 * Demo only, once: the catalogue (docs/decisions/0400 — real events and LMS course ids are entered by the program
 * manager, so this is not reference data), and an online orientation the demo mentor took four months ago (R-LIFE-1).
 */
export async function seedTrainingCatalogue(
  db: Db,
  createdBy: string,
  orientedEmployeeIds: string[],
  now = new Date(),
) {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(trainingEvents);
  if ((existing?.n ?? 0) > 0) return;
  const rows = await db.insert(trainingEvents).values(demoCatalogue(now, createdBy)).returning();
  const online = rows.find((r) => r.kind === 'orientation_online')!;
  if (orientedEmployeeIds.length > 0)
    await db.insert(trainingAttendance).values(
      orientedEmployeeIds.map((employeeId) => ({
        eventId: online.id,
        employeeId,
        attendedAt: new Date(now.getTime() - 120 * DAY),
        source: 'lms' as const,
      })),
    );
}
