import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PairYearFigures } from '../components/PairYearFigures';
import QuietPairs from './QuietPairs';

const fetchMock = vi.hoisted(() => {
  const f = vi.fn<typeof fetch>();
  globalThis.fetch = f;
  return f;
});
const reply = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
let items: unknown[] = [];
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(async () => reply({ items, limit: 25, next: null }));
});
const wrap = (ui: React.ReactNode) =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );

describe('Quiet pairs (coordinator)', () => {
  it('R-MEET-6: lists each quiet pair with its rhythm in words, last meeting and days without one', async () => {
    items = [
      {
        relationshipId: '11111111-1111-4111-8111-111111111111',
        menteeName: 'Jordan Rivera',
        mentorName: 'Dana Whitfield',
        menteeOpdiv: 'CDC',
        mentorOpdiv: 'NIH',
        cadence: 'every_2_weeks',
        lastMeetingAt: null,
        confirmedAt: '2026-10-01T15:00:00.000Z',
        daysSinceMeeting: 61,
      },
    ];
    wrap(<QuietPairs />);
    const table = await screen.findByRole('table', { name: /Quiet pairs/ });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Jordan Rivera and Dana Whitfield');
    expect(row).toHaveTextContent('CDC and NIH');
    expect(row).toHaveTextContent('Every 2 weeks');
    expect(row).toHaveTextContent('None since they started on October 1, 2026');
    expect(row).toHaveTextContent('61 days');
    expect(within(row).getByRole('link')).toHaveAttribute(
      'href',
      '/relationships/11111111-1111-4111-8111-111111111111',
    );
    expect(document.body.textContent).not.toMatch(/every_2_weeks|R-MEET/);
  });

  it('says so when every pair is meeting', async () => {
    items = [];
    wrap(<QuietPairs />);
    expect(await screen.findByTestId('empty')).toHaveTextContent(
      'Every pair in your scope is meeting as agreed.',
    );
  });
});

describe('PairYearFigures (dashboard)', () => {
  it('R-MEET-6, R-NUDGE-5: shows quiet pairs (linked), meetings, reminders by kind, waiting mentees and early completions', () => {
    wrap(
      <PairYearFigures
        counts={{
          quietPairs: 3,
          meetingsHeldLast30Days: 14,
          remindersLast30Days: { cadence: 4, unmatched: 6, invitation: 2, unconfirmed: 1, newMentor: 3 },
          remindersAwaitingDelivery: 2,
          menteesWaiting: 5,
          completedEarly: 2,
        }}
      />,
    );
    const figures = screen.getByTestId('pair-year-figures');
    expect(within(figures).getByRole('link', { name: 'Quiet pairs' })).toHaveAttribute(
      'href',
      '/staff/quiet-pairs',
    );
    expect(figures).toHaveTextContent('16Reminders sent in the last 30 days');
    expect(figures).toHaveTextContent('2Reminder emails not yet delivered');
    expect(figures).toHaveTextContent('5Mentees waiting for a full mentor');
    expect(screen.getByTestId('reminder-breakdown')).toHaveTextContent(
      '4 to plan a meeting, 6 to mentees still looking for a mentor, 2 to mentors with an invitation to answer, 1 to mentees with an invitation to confirm, and 3 about a new mentor who suits a mentee still looking.',
    );
  });
});
