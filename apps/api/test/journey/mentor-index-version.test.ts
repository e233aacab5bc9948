import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { employees, mentorApplications, mentorWaitlist } from '../../src/db/schema/index.js';
import { publicMentorInfo } from '../../src/services/journey/suggestions.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { mentee, mentor, pairUp } from '../helpers/people.js';
import { clientFor } from '../helpers/client.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

type Person = Awaited<ReturnType<typeof mentee>>;
const suggested = async (who: Person) =>
  (
    await clientFor(ctx.app, who).GET('/api/v1/me/suggestions', { params: { query: { limit: 100 } } })
  ).data!.items.map((s: { mentor: { id: string } }) => s.mentor.id) as string[];

// The cached mentor index must follow every change it is built from (decision 0251), whoever writes it.
describe('mentor index cache key (decision 0251)', () => {
  it('R-CAP-1: a mentor whose last place is taken drops out of the cached suggestions', async () => {
    const full = await mentor(ctx.app, { capacity: 1 });
    const me = await mentee(ctx.app);
    expect(await suggested(me)).toContain(full.employee.id);
    await pairUp(ctx.app, await mentee(ctx.app), full);
    expect(await suggested(me)).not.toContain(full.employee.id);
  });

  it('R-APP-2: pausing an application in SQL (any writer) drops the mentor', async () => {
    const paused = await mentor(ctx.app);
    const me = await mentee(ctx.app);
    expect(await suggested(me)).toContain(paused.employee.id);
    await ctx.app.db
      .update(mentorApplications)
      .set({ paused: true })
      .where(eq(mentorApplications.employeeId, paused.employee.id));
    expect(await suggested(me)).not.toContain(paused.employee.id);
  });

  it('R-PLAT-1: a mentor whose directory grade drops below the mentee (HR feed) drops out of S2J suggestions', async () => {
    const demoted = await mentor(ctx.app);
    const me = await mentee(ctx.app);
    expect(await suggested(me)).toContain(demoted.employee.id);
    await ctx.app.db
      .update(employees)
      .set({ grade: '9', gradeRank: 9 })
      .where(eq(employees.id, demoted.employee.id));
    expect(await suggested(me)).not.toContain(demoted.employee.id);
  });
});

describe('mentor cards on the suggestions page, kept with the cached index', () => {
  it('R-MATCH-1, R-CAP-1, R-WAIT-1: each card equals one read fresh from the database after directory, application, place and waitlist changes', async () => {
    const m = await mentor(ctx.app, { capacity: 3 });
    const me = await mentee(ctx.app);
    const cards = async () => {
      const res = await clientFor(ctx.app, me).GET('/api/v1/me/suggestions', {
        params: { query: { limit: 100 } },
      });
      return res.data!.items.map((s) => s.mentor);
    };
    const check = async () => {
      const shown = await cards();
      const fresh = await publicMentorInfo(
        ctx.app.db,
        shown.map((c) => c.id),
      );
      expect(shown).toEqual(shown.map((c) => fresh.get(c.id)));
      return shown.find((c) => c.id === m.employee.id)!;
    };
    expect(await check()).toMatchObject({ remainingCapacity: 3, menteesWaiting: 0 });
    await ctx.app.db
      .update(employees)
      .set({ lastName: 'Okafor', city: 'Atlanta' })
      .where(eq(employees.id, m.employee.id));
    expect(await check()).toMatchObject({ name: expect.stringMatching(/ Okafor$/), city: 'Atlanta' });
    await ctx.app.db
      .update(mentorApplications)
      .set({ bio: 'Thirty years in public health.' })
      .where(eq(mentorApplications.employeeId, m.employee.id));
    expect(await check()).toMatchObject({ bio: 'Thirty years in public health.' });
    await pairUp(ctx.app, await mentee(ctx.app), m);
    expect(await check()).toMatchObject({ remainingCapacity: 2 });
    // The waitlist is not part of the index: it is read for each page.
    const waiting = await mentee(ctx.app);
    await ctx.app.db
      .insert(mentorWaitlist)
      .values({ mentorId: m.employee.id, menteeId: waiting.employee.id });
    expect(await check()).toMatchObject({ menteesWaiting: 1 });
    await ctx.app.db
      .update(mentorWaitlist)
      .set({ notifiedAt: new Date() })
      .where(eq(mentorWaitlist.menteeId, waiting.employee.id));
    expect(await check()).toMatchObject({ menteesWaiting: 0 });
  });
});
