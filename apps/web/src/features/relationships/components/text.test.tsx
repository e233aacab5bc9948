import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CadenceSummary } from './CadenceSummary';
import { zonedIso } from './MeetingTimeFields';
import { PlainText } from '../../../components/ui/text';
import { formatMeetingTime } from '../../../lib/format';

describe('messages and meetings on screen', () => {
  it('R-MSG-2: a message is shown as text; only http(s) addresses become links', () => {
    const { container } = render(
      <PlainText text={'<img src=x onerror=alert(1)> see https://hhs.gov/a and javascript:alert(1)'} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(/<img src=x/)).toBeTruthy();
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://hhs.gov/a');
  });

  it('R-MEET-2: a wall-clock time in a time zone becomes the right instant; times are shown with their zone', () => {
    expect(zonedIso('2027-03-04', '10:00', 'America/New_York')).toBe('2027-03-04T15:00:00.000Z');
    expect(zonedIso('2027-07-04', '10:00', 'America/Los_Angeles')).toBe('2027-07-04T17:00:00.000Z');
    expect(formatMeetingTime('2027-03-04T15:00:00.000Z', 'America/New_York', 'America/New_York')).toBe(
      'March 4, 2027, 10:00 AM EST',
    );
  });

  it('R-MEET-6: the summary puts the next meeting first and says when a pair has gone quiet', () => {
    render(
      <CadenceSummary
        summary={{
          cadence: 'every_2_weeks',
          cadenceAgreed: true,
          usualMode: 'video',
          meetingsHeld: 3,
          lastMeetingAt: '2027-01-10T15:00:00.000Z',
          nextMeeting: null,
          status: 'quiet',
          nudgeAt: '2027-01-31T15:00:00.000Z',
          quietAt: '2027-02-07T15:00:00.000Z',
        }}
      />,
    );
    expect(screen.getByRole('region', { name: 'Meeting rhythm' }).textContent).toMatch(
      /^Next meeting: none planned/,
    );
    expect(screen.getByText(/You meet every 2 weeks, as your agreement says/).textContent).toContain(
      'Meetings held: 3. Last meeting: January 10, 2027.',
    );
    expect(screen.getByText(/Your coordinator has been told/)).toBeTruthy();
  });
});
