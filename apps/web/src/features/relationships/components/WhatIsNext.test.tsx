import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../lib/api';
import { TerminationPanel } from './TerminationPanel';
import { WhatIsNext } from './WhatIsNext';

const relationship = (over: Partial<Schemas['Relationship']> = {}): Schemas['Relationship'] => ({
  id: 'r1',
  state: 'onboarding',
  platform: 's2j',
  myRole: 'mentee',
  mentee: { id: 'E1', name: 'Jordan Rivera', opdiv: 'CDC', email: 'j@cdc.hhs.gov' },
  mentor: { id: 'E2', name: 'Dana Whitfield', opdiv: 'NIH', email: 'd@nih.hhs.gov' },
  confirmedAt: '2026-11-02T15:00:00.000Z',
  orientationWaived: false,
  milestones: [
    {
      key: 'orientation',
      dueAt: '2026-11-16T15:00:00.000Z',
      doneAt: '2026-11-05T15:00:00.000Z',
      status: 'done',
    },
    { key: 'agreement', dueAt: '2026-12-02T15:00:00.000Z', doneAt: null, status: 'due_soon' },
    { key: 'idp', dueAt: '2027-01-02T15:00:00.000Z', doneAt: null, status: 'due' },
    { key: 'progressReport.mentor', dueAt: '2027-05-02T15:00:00.000Z', doneAt: null, status: 'due' },
  ],
  termination: null,
  ended: null,
  endingAllowedFrom: '2099-02-02T15:00:00.000Z',
  version: 1,
  ...over,
});
const wrap = (ui: React.ReactNode) =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );

describe('WhatIsNext (relationship page)', () => {
  it('puts the next milestone first, then what each partner still owes, with dates', () => {
    wrap(<WhatIsNext relationship={relationship()} />);
    const box = screen.getByTestId('what-is-next');
    expect(box).toHaveTextContent('Next milestone: Mentoring agreement, due December 2, 2026.');
    const you = within(box).getByRole('heading', { name: 'You (mentee) still owe' }).nextElementSibling!;
    expect(you).toHaveTextContent('Mentoring agreement, due December 2, 2026');
    expect(you).toHaveTextContent('Individual Development Plan, due January 2, 2027');
    expect(you).not.toHaveTextContent('Orientation');
    const partner = within(box).getByRole('heading', {
      name: 'Dana Whitfield (mentor) still owes',
    }).nextElementSibling!;
    expect(partner).toHaveTextContent('Progress report (mentor), due May 2, 2027');
    expect(
      within(you as HTMLElement).getByRole('link', { name: 'Individual Development Plan' }),
    ).toHaveAttribute('href', '/relationships/r1/idp');
  });
});

describe('WhatIsNext: the next meeting first', () => {
  it('R-MEET-6: shows the next meeting in its time zone before the next milestone', () => {
    wrap(
      <WhatIsNext
        relationship={relationship()}
        nextMeeting={{
          startsAt: '2027-03-04T15:00:00.000Z',
          timeZone: 'America/New_York',
          state: 'proposed',
        }}
      />,
    );
    const box = screen.getByTestId('what-is-next');
    expect(box.textContent).toMatch(
      /Next meeting: March 4, 2027, 3:00 PM UTC \(10:00 AM Eastern Standard Time, the meeting's time zone\), waiting for an answer\.Next milestone: Mentoring agreement/,
    );
  });

  it("R-MEET-6: a meeting in the reader's own time zone is shown without a second time", () => {
    wrap(
      <WhatIsNext
        relationship={relationship()}
        nextMeeting={{ startsAt: '2027-03-04T15:00:00.000Z', timeZone: 'Etc/UTC', state: 'accepted' }}
      />,
    );
    expect(screen.getByTestId('next-meeting')).toHaveTextContent(
      /^Next meeting: March 4, 2027, 3:00 PM UTC\.$/,
    );
  });

  it('R-MEET-6: with none planned, a partner is pointed to the form to propose one', () => {
    wrap(<WhatIsNext relationship={relationship()} nextMeeting={null} />);
    expect(screen.getByTestId('next-meeting')).toHaveTextContent('No meeting planned. Propose one.');
    expect(screen.getByRole('link', { name: 'Propose one' })).toHaveAttribute('href', '#propose-heading');
  });
});

describe('TerminationPanel (R-LIFE-7)', () => {
  it('before ending is allowed, shows the date it becomes allowed and no form', () => {
    wrap(<TerminationPanel relationship={relationship()} />);
    expect(screen.getByTestId('ending-not-yet')).toHaveTextContent('from February 2, 2099');
    expect(screen.queryByRole('button', { name: 'Ask to end the relationship' })).toBeNull();
  });

  it('once allowed, a partner gets the form', () => {
    wrap(<TerminationPanel relationship={relationship({ endingAllowedFrom: '2026-02-02T15:00:00.000Z' })} />);
    expect(screen.getByRole('button', { name: 'Ask to end the relationship' })).toBeVisible();
  });
});
