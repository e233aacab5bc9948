import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { makeMenteeApplication, makeMentorApplication, makeUser } from '../helpers/factories.js';

/** A signed-in mentee (GS-11 by default) with an application. */
export async function mentee(
  app: FastifyInstance,
  employee: NonNullable<NonNullable<Parameters<typeof makeUser>[1]>['employee']> = {},
  application: Parameters<typeof makeMenteeApplication>[2] = {},
) {
  const user = await makeUser(app, { employee: { grade: '11', ...employee } });
  await makeMenteeApplication(app, user.employee.id, application);
  return user;
}

/** A signed-in mentor (GS-14 by default, NIH) with an application. */
export async function mentor(
  app: FastifyInstance,
  employee: NonNullable<NonNullable<Parameters<typeof makeUser>[1]>['employee']> = {},
  application: Parameters<typeof makeMentorApplication>[2] = {},
) {
  const user = await makeUser(app, { employee: { grade: '14', opdiv: 'NIH', ...employee } });
  await makeMentorApplication(app, user.employee.id, application);
  return user;
}

type Person = { auth: Record<string, string>; employee: { id: string } };
export const post = (
  app: FastifyInstance,
  who: Person,
  url: string,
  payload?: object,
): Promise<LightMyRequestResponse> =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, headers: who.auth, ...(payload ? { payload } : {}) });
export const get = (app: FastifyInstance, who: Person, url: string): Promise<LightMyRequestResponse> =>
  app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who.auth });
export const put = (
  app: FastifyInstance,
  who: Person,
  url: string,
  payload: object,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> =>
  app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: { ...who.auth, ...headers }, payload });

/** mentee invites mentor, mentor accepts, mentee confirms: returns the relationship id. */
export async function pairUp(app: FastifyInstance, me: Person, them: Person): Promise<string> {
  const inv = await post(app, me, '/invitations', { mentorId: them.employee.id, message: 'Hello' });
  if (inv.statusCode !== 201) throw new Error(inv.body);
  const accepted = await post(app, them, `/invitations/${inv.json().id}/accept`);
  if (accepted.statusCode !== 200) throw new Error(accepted.body);
  const confirmed = await post(app, me, `/invitations/${inv.json().id}/confirm`);
  if (confirmed.statusCode !== 200) throw new Error(confirmed.body);
  return confirmed.json().relationshipId as string;
}
