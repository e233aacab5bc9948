import { describe, expect, it } from 'vitest';
import { compareGrades, gradeBand, parseGrade, PAY_PLANS } from './grades.js';
import { grade } from './test-factories.js';

describe('grades (R-DIR-2)', () => {
  it('R-DIR-2: puts GS-1..GS-15 on 1..15 and SES on 16', () => {
    expect(grade('GS-1').rank).toBe(1);
    expect(grade('GS-15').rank).toBe(15);
    expect(parseGrade('ES', '00')).toMatchObject({ ok: true, grade: { rank: 16, label: 'SES' } });
    expect(parseGrade('SL', '')).toMatchObject({ ok: true, grade: { rank: 16 } });
  });

  it('R-DIR-2: accepts zero-padded and prefixed grades, GM like GS', () => {
    expect(parseGrade('GS', '07')).toMatchObject({ ok: true, grade: { rank: 7, label: 'GS-7' } });
    expect(parseGrade('gm', 'GM-14')).toMatchObject({ ok: true, grade: { rank: 14, label: 'GM-14' } });
    expect(parseGrade('GM', '9').ok).toBe(false);
  });

  it('R-DIR-2: maps Commissioned Corps ranks through the equivalence table', () => {
    expect(parseGrade('CC', 'O-4')).toMatchObject({ ok: true, grade: { rank: 12, label: 'O-4 (LCDR)' } });
    expect(parseGrade('USPHS', 'CAPT')).toMatchObject({ ok: true, grade: { rank: 14.5 } });
    expect(parseGrade('CC', '07')).toMatchObject({ ok: true, grade: { rank: 16 } });
    expect(compareGrades(grade('CC-O-6'), grade('GS-15'))).toBe(-1);
    expect(compareGrades(grade('CC-O-6'), grade('GS-14'))).toBe(1);
    expect(compareGrades(grade('CC-O-5'), grade('GS-13'))).toBe(0);
  });

  it('R-DIR-2: refuses wage-grade and unknown pay plans with a reason', () => {
    const wg = parseGrade('WG', '10');
    expect(wg).toMatchObject({ ok: false, rule: 'R-DIR-2' });
    expect(parseGrade('XX', '1').ok).toBe(false);
    expect(parseGrade('GS', '16').ok).toBe(false);
    expect(parseGrade('CC', 'O-11').ok).toBe(false);
  });

  it('groups ranks into reporting bands', () => {
    expect([1, 8, 9, 12, 13, 14.5, 15, 16].map(gradeBand)).toEqual([
      'GS-1–8',
      'GS-1–8',
      'GS-9–12',
      'GS-9–12',
      'GS-13–15',
      'GS-13–15',
      'GS-13–15',
      'SES',
    ]);
  });

  it('lists every pay plan with a mapping', () => {
    expect(PAY_PLANS.map((p) => p.code)).toEqual(expect.arrayContaining(['GS', 'GM', 'CC', 'ES', 'WG']));
  });
});
