import type { FastifyInstance } from 'fastify';
import { coordinatorContactRequests, invitations, relationships } from '../../src/db/schema/index.js';
import {
  makeEmployee,
  makeMenteeApplication,
  makeMentorApplication,
  makeUser,
} from '../helpers/factories.js';

export const DAY = 86_400_000;
export const daysAgo = (n: number, now = Date.now()) => new Date(now - n * DAY);

type RelationshipInsert = typeof relationships.$inferInsert;
type InvitationInsert = typeof invitations.$inferInsert;

/** A relationship row as the journey would have left it (state and milestone columns set directly). */
export async function makeRelationship(
  app: FastifyInstance,
  menteeId: string,
  mentorId: string,
  overrides: Partial<RelationshipInsert> = {},
) {
  const [row] = await app.db
    .insert(relationships)
    .values({
      menteeId,
      mentorId,
      platform: 's2j',
      state: 'onboarding',
      confirmedAt: new Date(),
      ...overrides,
    })
    .returning();
  return row!;
}

export async function makeInvitation(
  app: FastifyInstance,
  menteeId: string,
  mentorId: string,
  overrides: Partial<InvitationInsert> = {},
) {
  const [row] = await app.db
    .insert(invitations)
    .values({
      menteeId,
      mentorId,
      platform: 's2j',
      state: 'pending',
      expiresAt: new Date(Date.now() + 14 * DAY),
      ...overrides,
    })
    .returning();
  return row!;
}

export async function makeHelpRequest(app: FastifyInstance, relationshipId: string, requestedBy: string) {
  await app.db
    .insert(coordinatorContactRequests)
    .values({ relationshipId, requestedBy, source: 'progress_report' });
}

/** A mentee (GS-9 by default) with an application, as a signed-in user. */
export async function mentee(
  app: FastifyInstance,
  opdiv: string,
  extra: { appliedAt?: Date; grade?: string; supervisorId?: string; needs?: string[]; state?: string } = {},
) {
  const u = await makeUser(app, {
    employee: {
      opdiv,
      grade: extra.grade ?? '9',
      ...(extra.supervisorId ? { supervisorId: extra.supervisorId } : {}),
      ...(extra.state ? { state: extra.state } : {}),
    },
  });
  await makeMenteeApplication(app, u.employee.id, {
    ...(extra.appliedAt ? { createdAt: extra.appliedAt } : {}),
    ...(extra.needs ? { developmentalNeeds: extra.needs } : {}),
  });
  return u;
}

/** A mentor (GS-14 by default) with an application, as a signed-in user. */
export async function mentor(
  app: FastifyInstance,
  opdiv: string,
  extra: { capacity?: number; grade?: string; competencies?: string[] } = {},
) {
  const u = await makeUser(app, { employee: { opdiv, grade: extra.grade ?? '14' } });
  await makeMentorApplication(app, u.employee.id, {
    capacity: extra.capacity ?? 2,
    ...(extra.competencies ? { competencies: extra.competencies } : {}),
  });
  return u;
}

export const staff = {
  coordinator: (app: FastifyInstance, opdiv: string) =>
    makeUser(app, { employee: { opdiv }, grants: [{ role: 'coordinator', opdiv }] }),
  programManager: (app: FastifyInstance) =>
    makeUser(app, { employee: { opdiv: 'OS' }, grants: [{ role: 'program_manager' }] }),
};

export { makeEmployee };
