import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OrientationFormView } from './OrientationFormView';

function renderForm(props: { error?: unknown; lastRecorded?: string | null } = {}) {
  const onSubmit = vi.fn();
  render(
    <OrientationFormView
      onSubmit={onSubmit}
      pending={false}
      error={props.error ?? null}
      lastRecorded={props.lastRecorded}
    />,
  );
  return { onSubmit, user: userEvent.setup() };
}

describe('OrientationFormView', () => {
  it('R-LIFE-1: records the date attended for this partnership by default', async () => {
    const { user, onSubmit } = renderForm();
    await user.clear(screen.getByLabelText('Date you attended orientation'));
    await user.type(screen.getByLabelText('Date you attended orientation'), '2026-03-02');
    await user.click(screen.getByRole('button', { name: 'Record orientation' }));
    expect(onSubmit).toHaveBeenCalledWith({ attendedAt: new Date('2026-03-02T12:00:00').toISOString() });
  });

  it('R-LIFE-1: recording today before noon sends the present moment, never a time still to come', async () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 30, 0, 5), toFake: ['Date'] });
    try {
      const { user, onSubmit } = renderForm();
      expect(screen.getByLabelText('Date you attended orientation')).toHaveValue('2026-11-30');
      await user.click(screen.getByRole('button', { name: 'Record orientation' }));
      expect(onSubmit).toHaveBeenCalledWith({ attendedAt: new Date(2026, 10, 30, 0, 5).toISOString() });
    } finally {
      vi.useRealTimers();
    }
  });

  it('R-LIFE-1: the 12-month waiver relies on the recorded attendance when no date is given', async () => {
    const { user, onSubmit } = renderForm({ lastRecorded: '2026-01-15T15:00:00.000Z' });
    await user.click(
      screen.getByRole('radio', { name: /^I attended an orientation within the last 12 months/ }),
    );
    expect(screen.queryByLabelText('Date you attended orientation')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Date of that orientation (optional)')).toHaveAccessibleDescription(
      /recorded training attendance\. Your last recorded orientation: January 15, 2026\./,
    );
    await user.click(screen.getByRole('button', { name: 'Record orientation' }));
    expect(onSubmit).toHaveBeenCalledWith({ waived: true });
  });

  it('R-LIFE-1: the waiver sends the earlier orientation date when given', async () => {
    const { user, onSubmit } = renderForm({ lastRecorded: null });
    await user.click(
      screen.getByRole('radio', { name: /^I attended an orientation within the last 12 months/ }),
    );
    expect(screen.getByText(/No orientation attendance is on record for you/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Date of that orientation (optional)'), '2025-12-01');
    await user.click(screen.getByRole('button', { name: 'Record orientation' }));
    expect(onSubmit).toHaveBeenCalledWith({
      waived: true,
      earlierOrientationAt: new Date('2025-12-01T12:00:00').toISOString(),
    });
  });

  it('R-LIFE-1: shows the refusal when no earlier orientation is on record', () => {
    renderForm({
      error: {
        type: 'https://mentoring.hhs.gov/problems/rule/R-LIFE-1',
        title: 'A program rule refused this',
        status: 422,
        rule: 'R-LIFE-1',
        detail: 'No earlier orientation is on record; give its date or attend the orientation.',
      },
    });
    expect(screen.getByRole('alert')).toHaveTextContent('No earlier orientation is on record');
  });
});
