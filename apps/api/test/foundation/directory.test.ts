import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeEmployee, makeMentorApplication, makeUser } from '../helpers/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

describe('directory', () => {
  it('R-SEC-2: needs a signed-in user', async () => {
    expect((await ctx.app.inject('/api/v1/directory?q=a')).statusCode).toBe(401);
  });

  it('finds people by name prefix, first or last, in any order, with OPDIV and state filters', async () => {
    const viewer = await makeUser(ctx.app);
    await makeEmployee(ctx.app, { firstName: 'Ximena', lastName: 'Quartermaine', opdiv: 'FDA', state: 'MD' });
    await makeEmployee(ctx.app, { firstName: 'Xavier', lastName: 'Quartz', opdiv: 'NIH', state: 'MD' });
    const search = (qs: string) =>
      ctx.app.inject({ url: `/api/v1/directory?${qs}`, headers: viewer.auth }).then((r) => r.json());
    expect((await search('q=quart')).items.map((e: { lastName: string }) => e.lastName)).toEqual([
      'Quartermaine',
      'Quartz',
    ]);
    expect((await search('q=quart%20xim')).items).toHaveLength(1);
    expect((await search('q=quart&opdiv=NIH')).items.map((e: { firstName: string }) => e.firstName)).toEqual([
      'Xavier',
    ]);
    expect((await search('q=quart&state=md')).total).toBe(2);
    expect((await search('q=%25')).total).toBe(0);
  });

  it("R-MATCH-5: hides a mentor's contact details from other participants but shows a non-mentor's", async () => {
    const viewer = await makeUser(ctx.app);
    const mentor = await makeEmployee(ctx.app);
    await makeMentorApplication(ctx.app, mentor.id);
    const colleague = await makeEmployee(ctx.app);
    const read = (id: string) =>
      ctx.app.inject({ url: `/api/v1/directory/${id}`, headers: viewer.auth }).then((r) => r.json());
    expect((await read(mentor.id)).contact).toBeNull();
    expect((await read(mentor.id)).isMentor).toBe(true);
    expect((await read(colleague.id)).contact.email).toBe(colleague.email);
  });

  it("R-ROLE-2: shows a mentor's contact to a coordinator of the mentor's OPDIV only", async () => {
    const mentor = await makeEmployee(ctx.app, { opdiv: 'IHS' });
    await makeMentorApplication(ctx.app, mentor.id);
    const ihs = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'IHS' }] });
    const cdc = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    const read = (auth: Record<string, string>) =>
      ctx.app.inject({ url: `/api/v1/directory/${mentor.id}`, headers: auth }).then((r) => r.json());
    expect((await read(ihs.auth)).contact.email).toBe(mentor.email);
    expect((await read(cdc.auth)).contact).toBeNull();
  });

  it('answers 404 problem for an unknown employee', async () => {
    const viewer = await makeUser(ctx.app);
    const res = await ctx.app.inject({ url: '/api/v1/directory/NOPE', headers: viewer.auth });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
