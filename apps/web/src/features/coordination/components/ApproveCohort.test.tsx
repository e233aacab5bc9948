import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApproveCohort } from './ApproveCohort';

describe('ApproveCohort (R-MATCH-4)', () => {
  it('R-MATCH-4: "Approve all" first says what will happen; nothing is sent until the person confirms', async () => {
    const onApprove = vi.fn();
    render(
      <ApproveCohort
        all={['p1', 'p2', 'p3']}
        picked={['p1']}
        mode="invitation"
        pending={false}
        onApprove={onApprove}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Approve all 3' }));
    expect(onApprove).not.toHaveBeenCalled();
    const group = screen.getByRole('group', {
      name: /Approve 3 pairs\? Each becomes an invitation to the mentor/,
    });
    expect(group).toHaveTextContent('each mentor and mentee gets an email');
    await userEvent.click(screen.getByRole('button', { name: 'Yes, send 3 invitations' }));
    expect(onApprove).toHaveBeenCalledWith(['p1', 'p2', 'p3']);
  });

  it('going back sends nothing, and suggestions are described as suggestions', async () => {
    const onApprove = vi.fn();
    render(
      <ApproveCohort
        all={['p1', 'p2']}
        picked={['p1']}
        mode="suggestion"
        pending={false}
        onApprove={onApprove}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Approve 1 selected' }));
    expect(screen.getByText(/Approve 1 pair\? Each mentor is suggested to the mentee/)).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Go back' }));
    expect(onApprove).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Approve 1 selected' })).toBeVisible();
  });
});
