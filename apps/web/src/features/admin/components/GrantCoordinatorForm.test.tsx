import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { GrantCoordinatorForm } from './GrantCoordinatorForm';

const opdivs = [
  { code: 'CDC', name: 'Centers for Disease Control and Prevention', kind: 'OPDIV' as const },
  { code: 'NIH', name: 'National Institutes of Health', kind: 'OPDIV' as const },
];

function renderForm(error: unknown = null) {
  const onSubmit = vi.fn();
  render(<GrantCoordinatorForm opdivs={opdivs} submitting={false} error={error} onSubmit={onSubmit} />);
  return { onSubmit, user: userEvent.setup() };
}

describe('GrantCoordinatorForm', () => {
  it('says what is missing next to the fields and sends nothing', async () => {
    const { user, onSubmit } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Grant the coordinator role' }));
    expect(screen.getByText('Enter a work email or an employee id.')).toBeInTheDocument();
    expect(screen.getByText('Choose the division they will coordinate.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('R-ROLE-2: sends a work email as email and anything else as an employee id', async () => {
    const { user, onSubmit } = renderForm();
    await user.type(screen.getByLabelText('Work email or employee id'), ' priya.natarajan@cdc.hhs.gov ');
    await user.selectOptions(screen.getByLabelText('Division they coordinate'), 'CDC');
    await user.click(screen.getByRole('button', { name: 'Grant the coordinator role' }));
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({ email: 'priya.natarajan@cdc.hhs.gov', opdiv: 'CDC' });
    await user.clear(screen.getByLabelText('Work email or employee id'));
    await user.type(screen.getByLabelText('Work email or employee id'), 'E1234567');
    await user.selectOptions(screen.getByLabelText('Division they coordinate'), 'NIH');
    await user.click(screen.getByRole('button', { name: 'Grant the coordinator role' }));
    expect(onSubmit.mock.calls[1]?.[0]).toEqual({ employeeId: 'E1234567', opdiv: 'NIH' });
  });

  it('R-ACC-1: shows the refusal when the person has no account yet', () => {
    renderForm({
      type: 'https://mentoring.hhs.gov/problems/rule/R-ACC-1',
      title: 'A program rule refused this',
      status: 409,
      rule: 'R-ACC-1',
      detail:
        'Pat Lee has no account yet. Ask them to sign in to the Mentoring Matching System once, then grant the role again.',
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Pat Lee has no account yet');
  });
});
