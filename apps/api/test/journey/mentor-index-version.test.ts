import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { employees, mentorApplications } from '../../src/db/schema/index.js';
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
