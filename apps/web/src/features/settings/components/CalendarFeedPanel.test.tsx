import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import { ReminderChoice } from './ReminderChoice';

const URL_ONCE = 'https://mentoring.hhs.gov/api/v1/calendar/abc123.ics';
const panel = (feed: { active: boolean; createdAt: string | null; url: string | null }) => {
  const onRenew = vi.fn();
  const onRevoke = vi.fn();
  render(
    <CalendarFeedPanel
      feed={feed}
      onRenew={onRenew}
      onRevoke={onRevoke}
      pending={false}
      error={null}
      changed={0}
    />,
  );
  return { onRenew, onRevoke };
};

describe('CalendarFeedPanel', () => {
  it('R-MEET-4: shows a new address once, read-only, with a copy button that copies it', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    panel({ active: true, createdAt: '2026-12-01T10:00:00.000Z', url: URL_ONCE });
    const field = screen.getByLabelText('Your calendar address');
    expect(field).toHaveValue(URL_ONCE);
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveAccessibleDescription(/shown only once/);
    await user.click(screen.getByRole('button', { name: 'Copy the address' }));
    expect(writeText).toHaveBeenCalledWith(URL_ONCE);
    expect(await screen.findByRole('status')).toHaveTextContent('Copied.');
  });

  it('R-MEET-4: an active feed without its address says how to get a new one; turning it off asks first', async () => {
    const user = userEvent.setup();
    const { onRenew, onRevoke } = panel({ active: true, createdAt: '2026-12-01T10:00:00.000Z', url: null });
    expect(screen.getByTestId('feed-state')).toHaveTextContent(
      'Your calendar feed is on since December 1, 2026. If you no longer have its address, make a new one',
    );
    expect(screen.queryByLabelText('Your calendar address')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Turn the feed off' }));
    expect(onRevoke).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Yes, turn it off' }));
    expect(onRevoke).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Make a new address' }));
    expect(onRenew).toHaveBeenCalledOnce();
  });

  it('R-MEET-4: with no feed, offers to make one and nothing to turn off', () => {
    panel({ active: false, createdAt: null, url: null });
    expect(screen.getByText('You have no calendar feed.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Make my calendar address' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Turn the feed off' })).toBeNull();
  });
});

describe('ReminderChoice', () => {
  it('R-NUDGE-4: turning reminders off says the required program notices still come', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<ReminderChoice nudgesOff={false} onChange={onChange} pending={false} error={null} saved={0} />);
    const box = screen.getByRole('checkbox', { name: 'Do not send me reminders' });
    expect(box).toHaveAccessibleDescription(/You will still get the notices the program requires/);
    expect(screen.getByTestId('reminder-state')).toHaveTextContent('Reminders are on.');
    await user.click(screen.getByText('Do not send me reminders'));
    expect(onChange).toHaveBeenCalledWith(true);
    expect(document.body.textContent).not.toMatch(/R-[A-Z]+-\d|nudgesOff/);
  });
});
