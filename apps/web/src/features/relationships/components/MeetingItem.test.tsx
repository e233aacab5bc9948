import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../../lib/api';
import { MeetingItem } from './MeetingItem';

const NOW = new Date('2027-03-01T12:00:00.000Z');
const meeting = (over: Partial<Schemas['Meeting']> = {}): Schemas['Meeting'] => ({
  id: 'm1',
  relationshipId: 'r1',
  state: 'proposed',
  proposedBy: 'mentor',
  startsAt: '2027-03-04T15:00:00.000Z',
  timeZone: 'America/New_York',
  durationMinutes: 45,
  mode: 'video',
  location: 'https://meet.example.gov/abc',
  agenda: 'Evaluation plan',
  sequence: 0,
  held: false,
  recordedBy: [],
  myPrivateNote: null,
  sharedNotes: [],
  ...over,
});
const item = (m: Schemas['Meeting'], myRole: 'mentor' | 'mentee') => {
  const onAnswer = vi.fn();
  const onRecord = vi.fn();
  render(
    <ul>
      <MeetingItem meeting={m} myRole={myRole} canChange now={NOW} onAnswer={onAnswer} onRecord={onRecord} />
    </ul>,
  );
  return { onAnswer, onRecord };
};

describe('MeetingItem', () => {
  it('R-MEET-2: the partner who proposed waits; the other accepts, declines or proposes another time', async () => {
    const { unmount } = render(
      <ul>
        <MeetingItem
          meeting={meeting()}
          myRole="mentor"
          canChange
          now={NOW}
          onAnswer={vi.fn()}
          onRecord={vi.fn()}
        />
      </ul>,
    );
    expect(screen.getByTestId('meeting')).toHaveTextContent(
      "March 4, 2027, 3:00 PM UTC (10:00 AM Eastern Standard Time, the meeting's time zone) · 45 minutes · By video (waiting for your partner)",
    );
    expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Propose another time' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Cancel this meeting' })).toBeVisible();
    unmount();

    const user = userEvent.setup();
    const { onAnswer } = item(meeting(), 'mentee');
    await user.click(screen.getByRole('button', { name: 'Accept' }));
    expect(onAnswer).toHaveBeenLastCalledWith({ type: 'accept' });
    await user.click(screen.getByRole('button', { name: 'Propose another time' }));
    const form = screen.getByRole('form', { name: 'Propose another time' });
    expect(within(form).getByLabelText('Video link')).toHaveValue('https://meet.example.gov/abc');
    await user.type(within(form).getByLabelText(/^Date/), '2027-03-11');
    await user.clear(within(form).getByLabelText(/^Start time/));
    await user.type(within(form).getByLabelText(/^Start time/), '14:30');
    await user.selectOptions(within(form).getByLabelText('Time zone'), 'America/Chicago');
    await user.click(within(form).getByRole('button', { name: 'Send this time' }));
    expect(onAnswer).toHaveBeenLastCalledWith({
      type: 'propose_other_time',
      time: {
        startsAt: '2027-03-11T20:30:00.000Z',
        timeZone: 'America/Chicago',
        durationMinutes: 45,
        mode: 'video',
        location: 'https://meet.example.gov/abc',
        agenda: 'Evaluation plan',
      },
    });
  });

  it('R-MEET-5: once an accepted meeting has started, each partner records it with a private and a shared note', async () => {
    const user = userEvent.setup();
    const { onRecord } = item(meeting({ state: 'accepted', startsAt: '2027-02-25T15:00:00.000Z' }), 'mentee');
    expect(screen.queryByRole('button', { name: 'Cancel this meeting' })).toBeNull();
    const form = screen.getByRole('form', { name: 'Record that the meeting happened' });
    await user.type(
      within(form).getByLabelText('Private note (only you can read it)'),
      'Felt stuck on scope.',
    );
    await user.type(
      within(form).getByLabelText('Shared note for your partner (optional)'),
      'Next: draft the plan.',
    );
    await user.click(within(form).getByRole('button', { name: 'Record that we met' }));
    expect(onRecord).toHaveBeenCalledWith({
      privateNote: 'Felt stuck on scope.',
      sharedNote: 'Next: draft the plan.',
    });
  });

  it('R-MEET-5: a recorded meeting shows my private note to me, and the form updates my record', () => {
    item(
      meeting({
        state: 'accepted',
        startsAt: '2027-02-25T15:00:00.000Z',
        held: true,
        recordedBy: ['mentee'],
        myPrivateNote: 'Felt stuck on scope.',
        sharedNotes: [{ role: 'mentee', note: 'Next: draft the plan.' }],
      }),
      'mentee',
    );
    expect(screen.getByTestId('meeting')).toHaveTextContent('(held)');
    expect(screen.getByText('Your private note: Felt stuck on scope.')).toBeVisible();
    expect(screen.getByText('Shared note from the mentee: Next: draft the plan.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Update my record' })).toBeVisible();
  });
});
