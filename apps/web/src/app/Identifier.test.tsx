import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Identifier } from './Identifier';

describe('Identifier (footer)', () => {
  it('links to the Section 508 accessibility statement', () => {
    render(
      <MemoryRouter>
        <Identifier />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: 'Accessibility statement' })).toHaveAttribute(
      'href',
      '/accessibility',
    );
  });
});
