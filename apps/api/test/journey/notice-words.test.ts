import { describe, expect, it } from 'vitest';
import { problems } from '../../src/lib/problem.js';
import { NOTICES } from '../../src/services/journey/relationship-steps.js';

const RULE_ID = /R-[A-Z]+-\d/;

describe('what people read carries no rule ids (decision 0620)', () => {
  it('every notice a relationship step sends is a sentence without a rule id', () => {
    const notices = Object.values(NOTICES);
    expect(notices.length).toBeGreaterThan(5);
    for (const { title, body } of notices) {
      expect(title).not.toMatch(RULE_ID);
      expect(body).not.toMatch(RULE_ID);
    }
  });

  it('R-ROLE-2: a refusal keeps its rule in the machine-readable field, not in the sentence', () => {
    const refused = problems.forbidden('You coordinate CDC, not FDA.', 'R-ROLE-2');
    expect(refused.status).toBe(403);
    expect(refused.extra.rule).toBe('R-ROLE-2');
    expect(refused.detail).not.toMatch(RULE_ID);
    expect(problems.forbidden().extra.rule).toBeUndefined();
  });
});
