import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EarlyCompletionPanel, type EarlyCompletion } from './EarlyCompletionPanel';

const NOW = new Date('2027-03-01T12:00:00.000Z');
const status = (over: Partial<EarlyCompletion> = {}): EarlyCompletion => ({
  agreed: { mentor: null, mentee: null, coordinator: null },
  allowedFrom: '2027-02-02T15:00:00.000Z',
  completedEarly: false,
  ...over,
});
const names = { mentee: 'Jordan Rivera', mentor: 'Dana Whitfield' };

describe('EarlyCompletionPanel', () => {
  it('R-END-1: before ending is allowed, shows only the date it becomes allowed, with no form', () => {
    render(
      <EarlyCompletionPanel
        status={status({ allowedFrom: '2027-05-02T15:00:00.000Z' })}
        me="mentee"
        names={names}
        now={NOW}
        onAgree={vi.fn()}
        pending={false}
        error={null}
      />,
    );
    expect(screen.getByTestId('early-not-yet')).toHaveTextContent(
      'the relationship can be completed early from May 2, 2027. It then counts as completed, not as ended.',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('R-END-1: once allowed, shows who agreed and lets a partner agree with a note', async () => {
    const user = userEvent.setup();
    const onAgree = vi.fn();
    render(
      <EarlyCompletionPanel
        status={status({ agreed: { mentor: '2027-02-20T15:00:00.000Z', mentee: null, coordinator: null } })}
        me="mentee"
        names={names}
        now={NOW}
        onAgree={onAgree}
        pending={false}
        error={null}
      />,
    );
    const agreed = screen.getByTestId('early-agreed');
    expect(agreed).toHaveTextContent('You (mentee): has not agreed yet');
    expect(agreed).toHaveTextContent('Dana Whitfield (mentor): agreed on February 20, 2027');
    expect(agreed).toHaveTextContent('A coordinator: has not agreed yet');
    await user.type(screen.getByLabelText('What was achieved (optional)'), '  Led the evaluation.  ');
    await user.click(screen.getByRole('button', { name: 'I agree the goals are met' }));
    expect(onAgree).toHaveBeenCalledWith('Led the evaluation.');
  });

  it('R-END-1: someone who already agreed, or who may only read, gets no form', () => {
    const { unmount } = render(
      <EarlyCompletionPanel
        status={status({ agreed: { mentor: null, mentee: null, coordinator: '2027-02-21T15:00:00.000Z' } })}
        me="coordinator"
        names={names}
        now={NOW}
        onAgree={vi.fn()}
        pending={false}
        error={null}
      />,
    );
    expect(screen.getByTestId('early-agreed')).toHaveTextContent(
      'You (coordinator): agreed on February 21, 2027',
    );
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    render(
      <EarlyCompletionPanel
        status={status()}
        me={null}
        names={names}
        now={NOW}
        onAgree={vi.fn()}
        pending={false}
        error={null}
      />,
    );
    expect(screen.queryByRole('button')).toBeNull();
  });
});
