import type { FastifyInstance } from 'fastify';
import { makeUser } from '../helpers/factories.js';

const inDays = (d: number, h = 12) => new Date(Date.now() + d * 86_400_000 + h * 3_600_000).toISOString();

/** A program manager and an event they created (instructor-led orientation by default). */
export async function makeEvent(app: FastifyInstance, overrides: Record<string, unknown> = {}) {
  const pm = await makeUser(app, { grants: [{ role: 'program_manager' }] });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/training/events',
    headers: pm.auth,
    payload: {
      kind: 'orientation_instructor',
      title: 'Mentoring orientation (classroom)',
      startsAt: inDays(7),
      endsAt: inDays(7, 14),
      location: 'HHS HQ, Room 800',
      capacity: 2,
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return { pm, event: res.json<{ id: string; capacity: number | null }>() };
}
