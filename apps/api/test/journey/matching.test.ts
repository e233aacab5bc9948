import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { mentee, mentor } from '../helpers/people.js';
import { clientFor } from '../helpers/client.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

describe('finding a mentor (§5)', () => {
  it('R-MATCH-1: ranks eligible mentors with a breakdown and reasons, hiding contact details and ineligible mentors', async () => {
    const boss = await mentor(ctx.app, {
      grade: '15',
      lastName: 'Chain',
      competencies: ['strategic-thinking', 'conflict-management'],
    });
    const me = await mentee(ctx.app, { supervisorId: boss.employee.id });
    const best = await mentor(ctx.app, {
      lastName: 'Best',
      competencies: ['strategic-thinking', 'conflict-management'],
    });
    const weaker = await mentor(ctx.app, { lastName: 'Weaker', competencies: ['customer-service'] });
    const junior = await mentor(ctx.app, { grade: '9' });
    const paused = await mentor(ctx.app, { paused: true });
    const res = await clientFor(ctx.app, me).GET('/api/v1/me/suggestions', {
      params: { query: { limit: 50 } },
    });
    expect(res.response.status).toBe(200);
    const ids = res.data!.items.map((s: { mentor: { id: string } }) => s.mentor.id);
    expect(ids.indexOf(best.employee.id)).toBeLessThan(ids.indexOf(weaker.employee.id));
    for (const excluded of [boss, junior, paused]) expect(ids).not.toContain(excluded.employee.id);
    const top = res.data!.items[0]!;
    expect(top.criteria.map((c: { key: string }) => c.key)).toContain('needs');
    expect(top.reasons.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.data!)).not.toContain('@test.hhs.gov');
  });

  it('R-MATCH-1: a mentor already invited drops out of the suggestions', async () => {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    await clientFor(ctx.app, me).POST('/api/v1/invitations', {
      body: { mentorId: them.employee.id, message: '' },
    });
    const ids = (
      await clientFor(ctx.app, me).GET('/api/v1/me/suggestions', { params: { query: { limit: 100 } } })
    ).data!.items.map((s: { mentor: { id: string } }) => s.mentor.id);
    expect(ids).not.toContain(them.employee.id);
  });

  it('R-MATCH-1: without a mentee application the problem says to apply first', async () => {
    const person = await makeUser(ctx.app);
    const res = await clientFor(ctx.app, person).GET('/api/v1/me/suggestions');
    expect(res.response.status).toBe(409);
    expect(res.error).toMatchObject({ rule: 'R-MATCH-1' });
    expect(res.error!.detail).toContain('Apply as a mentee');
  });

  it('R-ROLE-2: a coordinator sees suggestions for a mentee in scope only', async () => {
    const me = await mentee(ctx.app, { opdiv: 'CDC' });
    const cdc = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    const fda = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'FDA' }] });
    expect(
      (
        await clientFor(ctx.app, cdc).GET('/api/v1/mentees/{employeeId}/suggestions', {
          params: { path: { employeeId: me.employee.id } },
        })
      ).response.status,
    ).toBe(200);
    expect(
      (
        await clientFor(ctx.app, fda).GET('/api/v1/mentees/{employeeId}/suggestions', {
          params: { path: { employeeId: me.employee.id } },
        })
      ).response.status,
    ).toBe(404);
  });

  it('R-MATCH-1: a coordinator reads the reasons about the mentee, while the mentee reads them addressed as "you"', async () => {
    const me = await mentee(ctx.app, { opdiv: 'CDC' });
    await mentor(ctx.app, { competencies: ['strategic-thinking'] });
    const cdc = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    const sentences = (body: { items: { reasons: string[]; criteria: { explanation: string }[] }[] }) =>
      body.items.flatMap((s) => [...s.reasons, ...s.criteria.map((c) => c.explanation)]);
    const own = sentences((await clientFor(ctx.app, me).GET('/api/v1/me/suggestions')).data!);
    expect(own.some((s) => /\byour?\b/i.test(s))).toBe(true);
    const staff = sentences(
      (
        await clientFor(ctx.app, cdc).GET('/api/v1/mentees/{employeeId}/suggestions', {
          params: { path: { employeeId: me.employee.id } },
        })
      ).data!,
    );
    expect(staff.length).toBeGreaterThan(0);
    expect(staff.filter((s) => /\byou(r)?\b/i.test(s))).toEqual([]);
    expect(staff.some((s) => s.includes('the mentee’s') || s.includes('The mentee'))).toBe(true);
  });

  it('R-MATCH-2: searches mentors by name, expertise and combined filters, most relevant first', async () => {
    const searcher = await makeUser(ctx.app);
    const target = await mentor(ctx.app, {
      firstName: 'Quillon',
      lastName: 'Zarathustra',
      opdiv: 'FDA',
      state: 'MD',
      city: 'Silver Spring',
      application: { technicalAreas: 'pharmacovigilance and drug safety', platforms: ['p2p'] },
    });
    await mentor(ctx.app, {
      firstName: 'Other',
      lastName: 'Person',
      opdiv: 'FDA',
      state: 'MD',
      application: { technicalAreas: 'budget' },
    });
    const byName = (
      await clientFor(ctx.app, searcher).GET('/api/v1/mentors', { params: { query: { q: 'zarathustra' } } })
    ).data!;
    expect(byName.items[0]!.id).toBe(target.employee.id);
    expect(byName.items[0]).not.toHaveProperty('email');
    const byExpertiseRes = await clientFor(ctx.app, searcher).GET('/api/v1/mentors', {
      params: { query: { expertise: 'pharmacovigilance', opdiv: 'FDA', state: 'MD', platform: 'p2p' } },
    });
    expect(byExpertiseRes.response.status).toBe(200);
    const byExpertise = byExpertiseRes.data!;
    expect(byExpertise.items.map((m: { id: string }) => m.id)).toEqual([target.employee.id]);
    expect(
      (
        await clientFor(ctx.app, searcher).GET('/api/v1/mentors', {
          params: { query: { q: 'zarathustra', opdiv: 'CDC' } },
        })
      ).data!.total,
    ).toBe(0);
    const byCompetencyRes = await clientFor(ctx.app, searcher).GET('/api/v1/mentors', {
      params: { query: { competency: 'strategic-thinking', city: 'silver spring' } },
    });
    expect(byCompetencyRes.response.status).toBe(200);
    const byCompetency = byCompetencyRes.data!;
    expect(byCompetency.items.map((m: { id: string }) => m.id)).toContain(target.employee.id);
  });
});
