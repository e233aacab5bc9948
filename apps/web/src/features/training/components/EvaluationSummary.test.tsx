import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EvaluationSummary } from './EvaluationSummary';

// The app's one API client takes fetch when its module loads, so the stand-in goes in before any import.
const fetchMock = vi.hoisted(() => {
  const f = vi.fn<typeof fetch>();
  globalThis.fetch = f;
  return f;
});
const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const EVENT = '7f0c1c7e-8a43-4c57-9d5e-2f3e4a5b6c7d';

beforeEach(() => fetchMock.mockReset());
const renderIt = () =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <EvaluationSummary eventId={EVENT} />
    </QueryClientProvider>,
  );

describe('EvaluationSummary (R-TRAIN-3)', () => {
  it('shows the count, the average to one decimal, every rating from 5 to 1, and the comments without names', async () => {
    fetchMock.mockResolvedValue(
      json({
        count: 3,
        averageRating: 4.333,
        distribution: { '5': 2, '4': 0, '3': 1, '2': 0, '1': 0 },
        comments: ['Useful examples', 'Too short'],
      }),
    );
    renderIt();
    expect(await screen.findByTestId('evaluation-average')).toHaveTextContent(
      '3 evaluations, average rating 4.3 out of 5.',
    );
    const table = screen.getByRole('table', { name: 'Evaluations by rating' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual(['52', '40', '31', '20', '10']);
    expect(
      within(screen.getByTestId('evaluation-comments'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Useful examples', 'Too short']);
    const request = fetchMock.mock.calls[0]![0] as Request;
    expect(new URL(request.url).pathname).toBe(`/api/v1/training/events/${EVENT}/evaluations`);
  });

  it('says so when nobody has evaluated the event yet', async () => {
    fetchMock.mockResolvedValue(
      json({
        count: 0,
        averageRating: null,
        distribution: { '5': 0, '4': 0, '3': 0, '2': 0, '1': 0 },
        comments: [],
      }),
    );
    renderIt();
    expect(await screen.findByText('Nobody has evaluated this event yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
