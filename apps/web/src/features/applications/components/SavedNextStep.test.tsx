import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SavedNextStep } from './SavedNextStep';

const renderIt = (role: 'mentor' | 'mentee') =>
  render(
    <MemoryRouter>
      <SavedNextStep role={role} />
    </MemoryRouter>,
  );

describe('SavedNextStep', () => {
  it('after a mentee applies, points to the suggested mentors and takes focus', () => {
    renderIt('mentee');
    expect(screen.getByText('Your mentee application was saved.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'see the mentors suggested for you' })).toHaveAttribute(
      'href',
      '/suggestions',
    );
    expect(screen.getByTestId('saved-next-step')).toHaveFocus();
  });

  it('after a mentor applies, says what happens next and where invitations arrive', () => {
    renderIt('mentor');
    expect(screen.getByText(/mentees can now find you/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Invitations' })).toHaveAttribute('href', '/invitations');
  });
});
