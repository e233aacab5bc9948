import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  agreements,
  completionSurveys,
  coordinatorContactRequests,
  idps,
  invitations,
  progressReports,
  relationshipEvents,
  relationships,
  trainingAttendance,
  trainingEvaluations,
  trainingEvents,
} from '../db/schema/index.js';
import type { EmployeeSeed, Workforce } from './workforce.js';
import { seedUuid } from './seed-ids.js';

const DAY = 86_400_000;
type State = (typeof relationships.$inferInsert)['state'];

/**
 * The CDC pairs of the demo, oldest first: [state, days since confirmation, completed early?]. Enough in each state
 * that every coordinator screen has something to show (dashboard, overdue milestones, help and termination requests,
 * reports with evaluations above the small-group threshold, completed early apart). Deterministic: the same people,
 * and dates relative to the demo's anchor (decision 1004).
 */
export const DEMO_PAIRS: ReadonlyArray<readonly [State, number, 'early'?]> = [
  ...Array.from({ length: 6 }, (_, i) => ['completed', 400 + i * 6] as const),
  ['completed', 280, 'early'],
  ['completed', 250, 'early'],
  ['terminated', 300],
  ['terminated', 150],
  ...Array.from({ length: 5 }, (_, i) => ['active', 200 + i * 5] as const),
  ...Array.from({ length: 3 }, (_, i) => ['active', 95 + i * 10] as const),
  ['termination_requested', 130],
  ['onboarding', 45],
  ['onboarding', 20],
  ['onboarding', 6],
];

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY);
/** R-MEET-1: the cadences the demo's agreements name, in turn, with the usual way of meeting. */
const CADENCES = ['every_2_weeks', 'monthly', 'every_4_weeks', 'every_2_weeks', 'weekly'] as const;
const MODES = ['video', 'in_person', 'phone'] as const;
export type DemoPair = {
  mentee: EmployeeSeed;
  mentor: EmployeeSeed;
  platform: 's2j' | 'p2p';
  needs: string[];
};

/** Mentors for CDC mentees: another OPDIV (never in the mentee's chain), right grade for the platform, each once. */
export function pickPairs(w: Workforce, count: number, exclude: Set<string>) {
  const people = new Map(w.employees.map((e) => [e.id, e]));
  const mentees = w.mentees
    .filter((m) => people.get(m.employeeId)?.opdiv === 'CDC' && !exclude.has(m.employeeId))
    .sort((a, b) => a.employeeId.localeCompare(b.employeeId));
  const mentors = w.mentors
    .filter(
      (m) =>
        people.get(m.employeeId)?.opdiv !== 'CDC' &&
        m.acceptsOtherOpdivs !== false &&
        !exclude.has(m.employeeId),
    )
    .sort((a, b) => a.employeeId.localeCompare(b.employeeId));
  const used = new Set<string>();
  const pairs: DemoPair[] = [];
  for (const m of mentees) {
    if (pairs.length === count) break;
    const me = people.get(m.employeeId)!;
    const fits = mentors.find((c) => {
      const rank = people.get(c.employeeId)!.gradeRank;
      return (
        !used.has(c.employeeId) &&
        c.employeeId !== m.employeeId &&
        c.platforms.includes(m.platform) &&
        (m.platform === 's2j' ? rank > me.gradeRank : Math.abs(rank - me.gradeRank) <= 1)
      );
    });
    if (!fits) continue;
    used.add(fits.employeeId);
    pairs.push({
      mentee: me,
      mentor: people.get(fits.employeeId)!,
      platform: m.platform,
      needs: [...m.developmentalNeeds],
    });
  }
  return pairs;
}

/**
 * Demo only: the CDC coordinator's program in motion (issues 20 and 17). Bulk inserts: a few statements, well under a
 * second. `extra` pairs (the demo mentee and mentor's own) come after the generated ones, each with its [state, days].
 * Ids are derived from the pair's place in the list, so two seeds with one anchor write the same rows.
 */
export async function seedDemoJourneys(
  db: Db,
  w: Workforce,
  exclude: Set<string>,
  coordinatorId: string,
  now: Date,
  extra: ReadonlyArray<{ pair: DemoPair; spec: (typeof DEMO_PAIRS)[number] }> = [],
) {
  const pairs = [...pickPairs(w, DEMO_PAIRS.length, exclude), ...extra.map((e) => e.pair)];
  const specs = [...DEMO_PAIRS, ...extra.map((e) => e.spec)];
  const rows = pairs.map((p, i) => {
    const [state, days, early] = specs[i]!;
    const confirmedAt = daysAgo(now, days);
    const after = (d: number) => new Date(confirmedAt.getTime() + d * DAY);
    const started = state !== 'onboarding' || (days > 8 && days < 30);
    const settled = state !== 'onboarding';
    const sixMonths = days > 190;
    const year = state === 'completed';
    const ended = state === 'completed' || state === 'terminated';
    // Completed early (R-END-1): everyone agreed the goals were met at about 6.5 months.
    const endDay = early ? 200 : 367;
    return {
      id: seedUuid(`relationship:${i}`),
      menteeId: p.mentee.id,
      mentorId: p.mentor.id,
      platform: p.platform,
      state,
      confirmedAt,
      orientationAt: started ? after(7) : null,
      agreementAt: settled ? after(20) : null,
      idpAt: settled ? after(28) : null,
      progressMentorAt: sixMonths && state !== 'terminated' ? after(185) : null,
      progressMenteeAt: sixMonths && state !== 'terminated' ? after(186) : null,
      surveyMentorAt: year ? after(endDay - 1) : null,
      surveyMenteeAt: year ? after(endDay) : null,
      ...(state === 'termination_requested' || state === 'terminated'
        ? {
            terminationRequestedBy: 'mentee' as const,
            terminationReason: 'Our schedules no longer leave time to meet.',
            terminationRequestedAt: daysAgo(now, Math.max(days - 100, 2)),
            terminationFromState: 'active' as const,
          }
        : {}),
      ...(state === 'terminated'
        ? {
            guidanceText: 'Agreed with both partners to end on good terms.',
            guidanceBy: coordinatorId,
            guidanceAt: daysAgo(now, days - 102),
            endedAt: daysAgo(now, days - 103),
            endedBy: coordinatorId,
            endedReason: "No-fault termination at the partners' request.",
          }
        : {}),
      ...(state === 'completed'
        ? {
            endedAt: after(endDay),
            endedReason: early ? 'Completed early: the goals were met.' : 'Completed the program year.',
            completedEarly: !!early,
            endedBy: early ? coordinatorId : null,
          }
        : {}),
      updatedAt: ended ? after(endDay) : now,
    };
  });
  const inserted = await db.insert(relationships).values(rows).returning();
  const byMentee = new Map(inserted.map((r) => [r.menteeId, r]));
  const rel = (i: number) => byMentee.get(pairs[i]!.mentee.id)!;
  const each = <T>(fn: (r: (typeof inserted)[number], i: number) => T | null) =>
    pairs.map((_, i) => fn(rel(i), i)).filter((x): x is T => x !== null);

  // Applications came a few weeks before each match, so time-to-match in the reports is true to the pairs.
  await db.execute(sql`update mentee_applications a set created_at = r.confirmed_at - interval '24 days',
    acknowledged_at = r.confirmed_at - interval '24 days' from relationships r
    where r.mentee_id = a.employee_id and r.id = any(${`{${inserted.map((r) => r.id).join(',')}}`}::uuid[])`);
  await db.insert(invitations).values(
    each((r, i) => ({
      id: seedUuid(`invitation:${i}`),
      menteeId: r.menteeId,
      mentorId: r.mentorId,
      platform: r.platform,
      state: 'confirmed' as const,
      message: 'I would value your experience as I grow into program leadership.',
      relationshipId: r.id,
      sentAt: new Date(r.confirmedAt.getTime() - 5 * DAY),
      answeredAt: new Date(r.confirmedAt.getTime() - 2 * DAY),
      expiresAt: new Date(r.confirmedAt.getTime() + 9 * DAY),
      closedAt: r.confirmedAt,
      updatedAt: r.confirmedAt,
    })),
  );
  await db.insert(relationshipEvents).values([
    ...each((r) => ({
      relationshipId: r.id,
      event: 'confirm',
      fromState: null,
      toState: 'onboarding',
      actorId: r.menteeId,
      at: r.confirmedAt,
    })),
    ...each((r) =>
      r.idpAt
        ? {
            relationshipId: r.id,
            event: 'complete_idp',
            fromState: 'onboarding',
            toState: 'active',
            actorId: r.menteeId,
            at: r.idpAt,
          }
        : null,
    ),
    ...each((r) =>
      r.endedAt
        ? {
            relationshipId: r.id,
            event: r.state === 'terminated' ? 'terminate' : r.completedEarly ? 'complete_early' : 'complete',
            fromState: r.state === 'completed' ? 'active' : 'termination_requested',
            toState: r.state,
            actorId: r.endedBy,
            at: r.endedAt,
          }
        : null,
    ),
  ]);
  await db.insert(agreements).values(
    each((r, i) =>
      r.agreementAt
        ? {
            relationshipId: r.id,
            goals: `Build ${pairs[i]!.needs.slice(0, 2).join(' and ').replace(/-/g, ' ')} through a project at work.`,
            meetingFrequency: 'As our cadence says, and more often before a milestone',
            meetingLength: 'One hour',
            cadence: CADENCES[i % CADENCES.length]!,
            usualMode: MODES[i % MODES.length]!,
            communicationMethods: ['video', 'in_person'],
            confidentiality: 'What we discuss stays between us unless we agree otherwise.',
            boundaries: 'Work hours; no discussion of performance ratings.',
            noFaultTermination: true,
            mentorSignature: `${pairs[i]!.mentor.firstName} ${pairs[i]!.mentor.lastName}`,
            mentorSignedAt: r.agreementAt,
            menteeSignature: `${pairs[i]!.mentee.firstName} ${pairs[i]!.mentee.lastName}`,
            menteeSignedAt: r.agreementAt,
            version: 2,
            updatedAt: r.agreementAt,
            updatedBy: r.menteeId,
          }
        : null,
    ),
  );
  await db.insert(idps).values(
    each((r, i) =>
      r.idpAt
        ? {
            relationshipId: r.id,
            strengths: 'Analysis; working across programs.',
            developmentalNeeds: pairs[i]!.needs.slice(0, 3),
            objectives: [{ text: 'Lead one cross-team project to completion' }],
            reviewDates: [new Date(r.idpAt.getTime() + 150 * DAY).toISOString().slice(0, 10)],
            activities: [
              {
                kind: 'shadowing' as const,
                description: 'Shadow the mentor at a program review',
                targetDate: new Date(r.idpAt.getTime() + 60 * DAY).toISOString().slice(0, 10),
                status: r.progressMenteeAt ? ('done' as const) : ('in_progress' as const),
              },
            ],
            updatedAt: r.idpAt,
            updatedBy: r.menteeId,
          }
        : null,
    ),
  );
  const report = (r: (typeof inserted)[number], role: 'mentor' | 'mentee', at: Date | null, i: number) =>
    at
      ? {
          relationshipId: r.id,
          role,
          authorId: role === 'mentor' ? r.mentorId : r.menteeId,
          meetingsHeld: 9 + (i % 4),
          objectivesProgress: 'On track: the project plan is agreed and the first milestone is done.',
          relationshipRating: 4 + (i % 2),
          submittedAt: at,
          updatedAt: at,
        }
      : null;
  await db
    .insert(progressReports)
    .values([
      ...each((r, i) => report(r, 'mentor', r.progressMentorAt, i)),
      ...each((r, i) => report(r, 'mentee', r.progressMenteeAt, i)),
    ]);
  const survey = (r: (typeof inserted)[number], role: 'mentor' | 'mentee', at: Date | null, i: number) =>
    at
      ? {
          relationshipId: r.id,
          role,
          authorId: role === 'mentor' ? r.mentorId : r.menteeId,
          programObjectives: 3 + (i % 3),
          selectionMatching: 4 + (i % 2),
          relationship: 5 - (i % 2),
          training: 3 + (i % 2),
          programSupport: 4,
          wouldRecommend: 7 + (i % 4),
          comments: '',
          submittedAt: at,
          updatedAt: at,
        }
      : null;
  await db
    .insert(completionSurveys)
    .values([
      ...each((r, i) => survey(r, 'mentor', r.surveyMentorAt, i)),
      ...each((r, i) => survey(r, 'mentee', r.surveyMenteeAt, i)),
    ]);
  // An open request for the coordinator, from the newest active pair's 6-month report.
  const asking = inserted
    .filter((r) => r.state === 'active')
    .sort((a, b) => b.confirmedAt.getTime() - a.confirmedAt.getTime())[0];
  if (asking)
    await db.insert(coordinatorContactRequests).values({
      id: seedUuid('contact-request:0'),
      relationshipId: asking.id,
      requestedBy: asking.menteeId,
      source: 'progress_report',
      createdAt: daysAgo(now, 3),
    });
  await seedOrientationRecords(
    db,
    inserted.filter((r) => r.orientationAt).map((r) => ({ employeeId: r.menteeId, at: r.orientationAt! })),
    now,
  );
  return pairs.map((p, i) => ({ ...p, relationship: rel(i) }));
}

/** The pairs' mentees took the online orientation, and some rated it, so training evaluations have something to show. */
async function seedOrientationRecords(db: Db, attended: { employeeId: string; at: Date }[], now: Date) {
  const [online] = await db
    .select()
    .from(trainingEvents)
    .where(inArray(trainingEvents.kind, ['orientation_online']))
    .limit(1);
  if (!online || attended.length === 0) return;
  const recent = attended.filter((a) => now.getTime() - a.at.getTime() < 400 * DAY);
  await db.insert(trainingAttendance).values(
    recent.map((a) => ({
      eventId: online.id,
      employeeId: a.employeeId,
      attendedAt: a.at,
      source: 'lms' as const,
    })),
  );
  await db.insert(trainingEvaluations).values(
    recent.map((a, i) => ({
      eventId: online.id,
      employeeId: a.employeeId,
      rating: 3 + (i % 3),
      comments: ['Clear and practical.', 'The agreement section helped most.', 'Good examples of IDP goals.'][
        i % 3
      ]!,
      createdAt: a.at,
    })),
  );
}
