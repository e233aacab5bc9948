import { describe, expect, it } from 'vitest';
import { inSameChain } from '@hhs-mentoring/domain';
import { generateWorkforce } from '../../src/seed/workforce.js';
import { OPDIVS } from '../../src/seed/hhs-data.js';

describe('synthetic HHS workforce (R-DIR-1)', () => {
  const w = generateWorkforce(3000, 7);
  const byId = new Map(w.employees.map((e) => [e.id, e]));

  it('is deterministic for a seed', () => {
    const again = generateWorkforce(3000, 7);
    expect(again.employees.slice(0, 50)).toEqual(w.employees.slice(0, 50));
    expect(again.mentors.length).toBe(w.mentors.length);
    expect(generateWorkforce(3000, 8).employees[0]).not.toEqual(w.employees[0]);
  });

  it('uses the real OPDIVs, unique ids and emails, and about the asked size', () => {
    const codes = new Set<string>(OPDIVS.map((o) => o.code));
    expect(w.employees.every((e) => codes.has(e.opdiv))).toBe(true);
    expect(new Set(w.employees.map((e) => e.id)).size).toBe(w.employees.length);
    expect(new Set(w.employees.map((e) => e.email)).size).toBe(w.employees.length);
    expect(Math.abs(w.employees.length - 3000)).toBeLessThan(30);
  });

  it('R-DIR-3: builds supervisor trees without cycles, supervisors in the same OPDIV at a higher grade', () => {
    for (const e of w.employees) {
      if (!e.supervisorId) continue;
      const s = byId.get(e.supervisorId)!;
      expect(s.opdiv).toBe(e.opdiv);
      expect(s.gradeRank).toBeGreaterThanOrEqual(e.gradeRank);
    }
    const heads = w.employees.filter((e) => !e.supervisorId);
    expect(heads.length).toBe(OPDIVS.length);
    const someone = w.employees.find((e) => e.supervisorId && byId.get(e.supervisorId)!.supervisorId)!;
    expect(
      inSameChain(
        someone.id,
        byId.get(someone.supervisorId!)!.supervisorId!,
        (id) => byId.get(id)?.supervisorId,
      ),
    ).toBe(true);
  });

  it('includes Commissioned Corps officers and a share of mentor and mentee applications', () => {
    const cc = w.employees.filter((e) => e.commissionedCorps).length / w.employees.length;
    expect(cc).toBeGreaterThan(0.02);
    expect(cc).toBeLessThan(0.12);
    expect(w.mentors.length / w.employees.length).toBeGreaterThan(0.04);
    expect(w.mentees.length / w.employees.length).toBeGreaterThan(0.05);
    expect(w.mentees.every((m) => m.developmentalNeeds.length >= 1)).toBe(true);
  });
});
