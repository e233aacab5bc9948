import { describe, expect, it } from 'vitest';
import { COMPETENCIES, competencyName, findCompetency } from './competencies.js';

describe('competencies (R-COMP-1)', () => {
  it('R-COMP-1: marks exactly the eight focus competencies', () => {
    expect(
      COMPETENCIES.filter((c) => c.focus)
        .map((c) => c.name)
        .sort(),
    ).toEqual([
      'Accountability',
      'Conflict Management',
      'Customer Service',
      'Decisiveness',
      'Leveraging Diversity',
      'Organizational Systems Awareness',
      'Self-Direction',
      'Strategic Thinking',
    ]);
  });

  it('R-COMP-1: has unique kebab-case codes and a definition for each', () => {
    expect(new Set(COMPETENCIES.map((c) => c.code)).size).toBe(COMPETENCIES.length);
    for (const c of COMPETENCIES) {
      expect(c.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(c.definition.length).toBeGreaterThan(20);
    }
    expect(findCompetency('influencing-negotiating')?.group).toBe('Building Coalitions');
    expect(competencyName('unknown-code')).toBe('unknown-code');
  });
});
