import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import Audit from './Audit';

// The app's one API client takes fetch when its module loads, so the stand-in goes in before any import.
const fetchMock = vi.hoisted(() => {
  const f = vi.fn<typeof fetch>();
  globalThis.fetch = f;
  return f;
});
const empty = () =>
  new Response(JSON.stringify({ items: [], total: 0, limit: 25, next: null }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
const localMidnight = (y: number, m: number, d: number) => new Date(y, m - 1, d).toISOString();
const lastQuery = () => new URL((fetchMock.mock.calls.at(-1)![0] as Request).url).searchParams;

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(async () => empty());
});
const renderAt = (url: string) =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={[url]}>
        <Audit />
      </MemoryRouter>
    </QueryClientProvider>,
  );

describe('Audit log search (R-ADMIN-3)', () => {
  it('asks the API from the start of the "from" day to the start of the day after "to", so the "to" day is included', async () => {
    renderAt('/staff/audit?from=2026-11-01&to=2026-11-02&actor=Priya');
    expect(await screen.findByText('No audit entries match.')).toBeInTheDocument();
    const q = lastQuery();
    expect(q.get('from')).toBe(localMidnight(2026, 11, 1));
    expect(q.get('to')).toBe(localMidnight(2026, 11, 3));
    expect(q.get('actor')).toBe('Priya');
    expect(q.get('limit')).toBe('25');
  });

  it('leaves out a date that is not a date, and sends the dates typed in the form once searched', async () => {
    renderAt('/staff/audit?from=not-a-day');
    await screen.findByText('No audit entries match.');
    expect(lastQuery().has('from')).toBe(false);
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('From (date)'));
    await user.type(screen.getByLabelText('From (date)'), '2026-10-05');
    await user.type(screen.getByLabelText('To (date, included)'), '2026-10-05');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await vi.waitFor(() => expect(lastQuery().get('to')).toBe(localMidnight(2026, 10, 6)));
    expect(lastQuery().get('from')).toBe(localMidnight(2026, 10, 5));
  });

  it('names people and actions in words: no raw action, no id, one date format with the time zone', async () => {
    fetchMock.mockImplementation(
      async () =>
        new Response(
          JSON.stringify({
            items: [
              {
                id: 7,
                at: '2026-11-02T15:04:00.000Z',
                actorId: 'E9000001',
                actorLabel: 'Priya Natarajan',
                action: 'cohort_proposal.approve',
                objectType: 'relationship',
                objectId: '5f0c2a9e-1b7d-4c1e-9d1e-0f2a3b4c5d6e',
                opdivs: ['CDC'],
                ip: null,
                requestId: null,
                detail: {},
              },
            ],
            total: 1,
            limit: 25,
            offset: 0,
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        ),
    );
    renderAt('/staff/audit');
    const row = (await screen.findByRole('rowheader', { name: 'Priya Natarajan' })).closest('tr')!;
    expect(row).toHaveTextContent('approved pairs from cohort matching');
    expect(row).toHaveTextContent(/November 2, 2026, \d+:04 (AM|PM) \S+/);
    expect(row).not.toHaveTextContent('cohort_proposal');
    expect(row).not.toHaveTextContent('5f0c2a9e');
    expect(screen.getByRole('link', { name: 'Open the relationship' })).toHaveAttribute(
      'href',
      '/relationships/5f0c2a9e-1b7d-4c1e-9d1e-0f2a3b4c5d6e',
    );
  });

  it('asks what the entries are about in words, and reaches one record by a link without showing its id', async () => {
    renderAt('/staff/audit?objectType=agreement&objectId=5f0c2a9e-1b7d-4c1e-9d1e-0f2a3b4c5d6e');
    await screen.findByText('No audit entries match.');
    expect(lastQuery().get('objectId')).toBe('5f0c2a9e-1b7d-4c1e-9d1e-0f2a3b4c5d6e');
    const about = screen.getByLabelText('About');
    expect(about).toHaveDisplayValue('Mentoring agreement');
    expect(screen.queryByLabelText(/record number/i)).toBeNull();
    expect(document.body).not.toHaveTextContent('5f0c2a9e');
    expect(screen.getByTestId('one-record')).toHaveTextContent(
      'Showing only the entries about one mentoring agreement.',
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Show entries about every record' }));
    await vi.waitFor(() => expect(lastQuery().has('objectId')).toBe(false));
    expect(lastQuery().get('objectType')).toBe('agreement');
    expect(screen.queryByTestId('one-record')).toBeNull();
    await user.selectOptions(about, 'Development plan');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await vi.waitFor(() => expect(lastQuery().get('objectType')).toBe('idp'));
    expect(lastQuery().has('objectId')).toBe(false);
  });
});
