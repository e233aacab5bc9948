import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CohortRunHistory } from './CohortRunHistory';

// The app's one API client takes fetch when its module loads, so the stand-in goes in before any import.
vi.hoisted(() => {
  globalThis.fetch = vi.fn<typeof fetch>(
    async () =>
      new Response(
        JSON.stringify({
          items: [
            {
              id: '11111111-1111-4111-8111-111111111111',
              opdivs: ['CDC'],
              createdAt: '2026-11-02T15:00:00.000Z',
              createdBy: 'Priya Natarajan',
              menteeCount: 30,
              pairs: 24,
              invited: 20,
              suggested: 0,
              refused: 2,
              open: 2,
              approvedBy: ['Priya Natarajan'],
              lastApprovedAt: '2026-11-02T15:05:00.000Z',
            },
          ],
          limit: 20,
          next: null,
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      ),
  );
});

describe('CohortRunHistory (R-MATCH-4)', () => {
  it('R-MATCH-4: lists earlier runs with what was approved, by whom and when, in words', async () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <CohortRunHistory />
      </QueryClientProvider>,
    );
    const table = await screen.findByTestId('cohort-runs');
    expect(table).toHaveTextContent(/November 2, 2026, \d+:\d\d (AM|PM) \S+, by Priya Natarajan/);
    expect(table).toHaveTextContent('20 invitations sent and 0 suggestions made, by Priya Natarajan');
    expect(table).toHaveTextContent('2 pairs were refused by a program rule.');
    expect(table).toHaveTextContent('2 pairs are not decided.');
  });
});
