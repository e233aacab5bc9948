import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CohortProof } from './CohortProof';

const proof = { rounds: 1, widenedMentees: 6, edges: 75_000 };

describe('CohortProof (R-MATCH-4-OPT)', () => {
  it('R-MATCH-4-OPT: says in words that an optimal proposal is the best possible', () => {
    render(<CohortProof proof={{ ...proof, status: 'optimal', bound: 238045.16, gap: 0 }} />);
    expect(screen.getByTestId('cohort-proof')).toHaveTextContent('This is the best possible total');
  });

  it('R-MATCH-4-OPT: gives the proven gap as a share of the best possible and in points, without codes', () => {
    render(<CohortProof proof={{ ...proof, status: 'within-gap', bound: 143764.44, gap: 28.75 }} />);
    const text = screen.getByTestId('cohort-proof').textContent ?? '';
    expect(text).toContain('within 0.02 % of the best possible');
    expect(text).toContain('at most 28.75 points more');
    expect(text).not.toMatch(/within-gap|R-MATCH/);
  });

  it('R-MATCH-4-OPT: an older proposal without a proof says so', () => {
    render(<CohortProof proof={null} />);
    expect(screen.getByTestId('cohort-proof')).toHaveTextContent('made before totals were checked');
  });
});
