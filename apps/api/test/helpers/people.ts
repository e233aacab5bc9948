import type { FastifyInstance } from 'fastify';
import { invitations, relationships } from '../../src/db/schema/index.js';
import { clientFor, type Who } from './client.js';
import { makeMenteeApplication, makeMentorApplication, makeUser, type EmployeeFields } from './factories.js';

const DAY = 86_400_000;
type MenteeApplication = NonNullable<Parameters<typeof makeMenteeApplication>[2]>;
type MentorApplication = NonNullable<Parameters<typeof makeMentorApplication>[2]>;

/**
 * The one set of defaults (issue 19): a mentee is a GS-11 at CDC, a mentor a GS-14 at NIH with room for 2 mentees,
 * both in Georgia and with no supervisor; the rest comes from makeEmployee and the make…Application factories.
 * Employee fields (opdiv, grade, supervisorId, state, lastName…) go at the top level, like the application's
 * common fields; `application` sets any other application column.
 */
type MenteeOptions = EmployeeFields & {
  needs?: string[];
  appliedAt?: Date;
  application?: MenteeApplication;
};
type MentorOptions = EmployeeFields & {
  capacity?: number;
  competencies?: string[];
  paused?: boolean;
  application?: MentorApplication;
};

/** A signed-in mentee with an application. */
export async function mentee(app: FastifyInstance, options: MenteeOptions = {}) {
  const { needs, appliedAt, application, ...employee } = options;
  const user = await makeUser(app, { employee: { grade: '11', ...employee } });
  await makeMenteeApplication(app, user.employee.id, {
    ...(needs ? { developmentalNeeds: needs } : {}),
    ...(appliedAt ? { createdAt: appliedAt } : {}),
    ...application,
  });
  return user;
}

/** A signed-in mentor with an application. */
export async function mentor(app: FastifyInstance, options: MentorOptions = {}) {
  const { capacity, competencies, paused, application, ...employee } = options;
  const user = await makeUser(app, { employee: { grade: '14', opdiv: 'NIH', ...employee } });
  await makeMentorApplication(app, user.employee.id, {
    capacity: capacity ?? 2,
    ...(competencies ? { competencies } : {}),
    ...(paused !== undefined ? { paused } : {}),
    ...application,
  });
  return user;
}

export const staff = {
  coordinator: (app: FastifyInstance, opdiv: string) =>
    makeUser(app, { employee: { opdiv }, grants: [{ role: 'coordinator', opdiv }] }),
  programManager: (app: FastifyInstance) =>
    makeUser(app, { employee: { opdiv: 'OS' }, grants: [{ role: 'program_manager' }] }),
};

/** A relationship row as the journey would have left it (state and milestone columns set directly). */
export async function makeRelationship(
  app: FastifyInstance,
  menteeId: string,
  mentorId: string,
  overrides: Partial<typeof relationships.$inferInsert> = {},
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

/** An invitation row, pending for 14 days unless told otherwise. */
export async function makeInvitation(
  app: FastifyInstance,
  menteeId: string,
  mentorId: string,
  overrides: Partial<typeof invitations.$inferInsert> = {},
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

type Person = Exclude<Who, Record<string, string>> & { employee: { id: string } };

/** mentee invites mentor, mentor accepts, mentee confirms, through the API: returns the relationship id. */
export async function pairUp(app: FastifyInstance, me: Person, them: Person): Promise<string> {
  const asMentee = clientFor(app, me);
  const inv = await asMentee.POST('/api/v1/invitations', {
    body: { mentorId: them.employee.id, message: 'Hello' },
  });
  if (!inv.data) throw new Error(JSON.stringify(inv.error));
  const path = { params: { path: { id: inv.data.id } } };
  const accepted = await clientFor(app, them).POST('/api/v1/invitations/{id}/accept', path);
  if (!accepted.data) throw new Error(JSON.stringify(accepted.error));
  const confirmed = await asMentee.POST('/api/v1/invitations/{id}/confirm', path);
  if (!confirmed.data) throw new Error(JSON.stringify(confirmed.error));
  return confirmed.data.relationshipId!;
}
