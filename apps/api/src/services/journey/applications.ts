import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import {
  competencies,
  menteeApplications,
  mentorApplications,
  mentorArrivals,
} from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import type { MenteeApplicationInput, MentorApplicationInput } from '../../schemas/applications.js';
import { audit, type AuditContext } from '../platform/audit.js';
import { currentSettings } from '../platform/settings.js';
import { liveMenteeCount } from './capacity.js';
import { currentResponsibilitiesVersion } from '../content/content.js';
import { releaseWaitlist } from '../pair-year/waitlist.js';

/** R-CONTENT-2: the seeded first version of the responsibilities page (demo seed, test factories). Applications
 * record the version published when they are saved: currentResponsibilitiesVersion. */
export const RESPONSIBILITIES_VERSION = 'roles-and-responsibilities@v1';

type MentorRow = typeof mentorApplications.$inferSelect;
type MenteeRow = typeof menteeApplications.$inferSelect;

const iso = (d: Date) => d.toISOString();
const storedFields = (r: MentorRow | MenteeRow) => ({
  employeeId: r.employeeId,
  bio: r.bio,
  education: r.education,
  positions: r.positions,
  communicationMethods: r.communicationMethods as MentorApplicationInput['communicationMethods'],
  acknowledgedAt: iso(r.acknowledgedAt),
  acknowledgementVersion: r.acknowledgementVersion,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export async function presentMentor(db: Tx, r: MentorRow) {
  return {
    ...storedFields(r),
    competencies: r.competencies,
    technicalAreas: r.technicalAreas,
    platforms: r.platforms as MentorApplicationInput['platforms'],
    capacity: r.capacity,
    acceptsOtherOpdivs: r.acceptsOtherOpdivs,
    paused: r.paused,
    liveMentees: await liveMenteeCount(db, r.employeeId),
  };
}
export function presentMentee(r: MenteeRow) {
  return {
    ...storedFields(r),
    developmentalNeeds: r.developmentalNeeds,
    shortTermGoals: r.shortTermGoals,
    longTermGoals: r.longTermGoals,
    platform: r.platform,
    locationPreference: r.locationPreference,
  };
}

/**
 * An application as saved: its fields, acknowledging the responsibilities page as published now (R-CONTENT-2), and
 * active again if it had been withdrawn.
 */
async function savedValues<T extends { acknowledgeResponsibilities: unknown }>(tx: Tx, input: T) {
  const { acknowledgeResponsibilities: _ack, ...fields } = input;
  return {
    ...fields,
    acknowledgedAt: new Date(),
    acknowledgementVersion: await currentResponsibilitiesVersion(tx),
    withdrawnAt: null,
    updatedAt: new Date(),
  };
}

async function assertCompetencies(db: Tx, codes: string[], field: string) {
  const found = await db
    .select({ code: competencies.code })
    .from(competencies)
    .where(inArray(competencies.code, codes));
  const known = new Set(found.map((f) => f.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0)
    throw problems.badRequest(
      `Unknown competency: ${unknown.join(', ')}.`,
      unknown.map((c) => ({ field: `/body/${field}`, message: `${c} is not a known competency` })),
    );
}

export async function myApplications(db: Db, actor: UserActor) {
  const [mentor] = await db
    .select()
    .from(mentorApplications)
    .where(and(eq(mentorApplications.employeeId, actor.employeeId), isNull(mentorApplications.withdrawnAt)));
  const [mentee] = await db
    .select()
    .from(menteeApplications)
    .where(and(eq(menteeApplications.employeeId, actor.employeeId), isNull(menteeApplications.withdrawnAt)));
  return {
    mentor: mentor ? await presentMentor(db, mentor) : null,
    mentee: mentee ? presentMentee(mentee) : null,
  };
}

/**
 * R-APP-1. A raised capacity tells waiting mentees at once (R-WAIT-3); a new application, or one after a
 * withdrawal, queues the mentor for the top-5 notice to long-unmatched mentees (R-WAIT-5, a job).
 */
export async function saveMentorApplication(
  db: Db,
  actor: UserActor,
  input: MentorApplicationInput,
  ctx: AuditContext,
  appUrl: string,
) {
  const settings = await currentSettings(db);
  if (input.capacity > settings.maxCapacity)
    throw problems.rule('R-CAP-1', `A mentor may take at most ${settings.maxCapacity} mentees.`, 422);
  await assertCompetencies(db, input.competencies, 'competencies');
  return db.transaction(async (tx) => {
    const live = await liveMenteeCount(tx, actor.employeeId);
    if (input.capacity < live)
      throw problems.rule(
        'R-CAP-1',
        `You already mentor ${live} people; capacity cannot go below that.`,
        409,
      );
    const [before] = await tx
      .select({ withdrawnAt: mentorApplications.withdrawnAt })
      .from(mentorApplications)
      .where(eq(mentorApplications.employeeId, actor.employeeId))
      .for('update');
    const values = await savedValues(tx, input);
    const [row] = await tx
      .insert(mentorApplications)
      .values({ employeeId: actor.employeeId, ...values })
      .onConflictDoUpdate({
        target: mentorApplications.employeeId,
        set: { ...values, version: sql`${mentorApplications.version} + 1` },
      })
      .returning();
    await audit(tx, ctx, {
      action: 'application.mentor.save',
      objectType: 'mentor_application',
      objectId: actor.employeeId,
      opdivs: [actor.opdiv],
    });
    const now = new Date();
    if (!before || before.withdrawnAt)
      await tx
        .insert(mentorArrivals)
        .values({ mentorId: actor.employeeId, arrivedAt: now })
        .onConflictDoUpdate({
          target: mentorArrivals.mentorId,
          set: { arrivedAt: now, announcedAt: null },
        });
    else await releaseWaitlist(tx, actor.employeeId, now, appUrl);
    return presentMentor(tx, row!);
  });
}

export async function saveMenteeApplication(
  db: Db,
  actor: UserActor,
  input: MenteeApplicationInput,
  ctx: AuditContext,
) {
  await assertCompetencies(db, input.developmentalNeeds, 'developmentalNeeds');
  return db.transaction(async (tx) => {
    const values = await savedValues(tx, input);
    const [row] = await tx
      .insert(menteeApplications)
      .values({ employeeId: actor.employeeId, ...values })
      .onConflictDoUpdate({
        target: menteeApplications.employeeId,
        set: { ...values, version: sql`${menteeApplications.version} + 1` },
      })
      .returning();
    await audit(tx, ctx, {
      action: 'application.mentee.save',
      objectType: 'mentee_application',
      objectId: actor.employeeId,
      opdivs: [actor.opdiv],
    });
    return presentMentee(row!);
  });
}

/** R-APP-2: pausing keeps current mentees; a paused mentor is not matched or invited. Resuming tells waiting
 * mentees of any free place at once (R-WAIT-3). */
export async function setMentorPaused(
  db: Db,
  actor: UserActor,
  paused: boolean,
  ctx: AuditContext,
  appUrl: string,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(mentorApplications)
      .set({ paused, updatedAt: new Date(), version: sql`${mentorApplications.version} + 1` })
      .where(and(eq(mentorApplications.employeeId, actor.employeeId), isNull(mentorApplications.withdrawnAt)))
      .returning();
    if (!row) throw problems.notFound('Your mentor application');
    await audit(tx, ctx, {
      action: paused ? 'application.mentor.pause' : 'application.mentor.resume',
      objectType: 'mentor_application',
      objectId: actor.employeeId,
      opdivs: [actor.opdiv],
    });
    if (!paused) await releaseWaitlist(tx, actor.employeeId, new Date(), appUrl);
    return presentMentor(tx, row);
  });
}

export async function withdrawApplication(
  db: Db,
  actor: UserActor,
  role: 'mentor' | 'mentee',
  ctx: AuditContext,
) {
  const table = role === 'mentor' ? mentorApplications : menteeApplications;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(table)
      .set({ withdrawnAt: new Date(), updatedAt: new Date() })
      .where(and(eq(table.employeeId, actor.employeeId), isNull(table.withdrawnAt)))
      .returning({ id: table.employeeId });
    if (!row) throw problems.notFound(`Your ${role} application`);
    await audit(tx, ctx, {
      action: `application.${role}.withdraw`,
      objectType: `${role}_application`,
      objectId: actor.employeeId,
      opdivs: [actor.opdiv],
    });
  });
}
