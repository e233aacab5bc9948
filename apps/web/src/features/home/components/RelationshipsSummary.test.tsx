import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { fetchMock, json } from '../../../test/fetch';
import { RelationshipsSummary } from './RelationshipsSummary';

const page = (items: unknown[]) => json({ items, total: items.length, limit: 100, next: null });
const pair = {
  id: 'r1',
  myRole: 'mentor',
  mentee: { id: 'E1', name: 'Jordan Rivera', opdiv: 'CDC' },
  mentor: { id: 'E2', name: 'Dana Whitfield', opdiv: 'NIH' },
  ended: false,
  milestones: [],
};

function renderFor(seeksMentor: boolean, relationships: unknown[], invitations: unknown[]) {
  fetchMock.mockImplementation(async (input) => {
    const path = new URL((input as Request).url).pathname;
    return path === '/api/v1/invitations' ? page(invitations) : page(relationships);
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>
        <RelationshipsSummary seeksMentor={seeksMentor} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("RelationshipsSummary: the home page's mentoring, in the reader's role", () => {
  it('tells a mentor without a mentee how invitations reach them, with no suggested mentors to see', async () => {
    renderFor(false, [], []);
    expect(
      await screen.findByText(
        'No live relationship yet. When a mentee invites you, the invitation appears here and under Invitations, and you get an email.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('link', { name: /suggested/i })).toBeNull();
    expect(document.body).not.toHaveTextContent(/your suggested mentors|mentors suggested for you/i);
  });

  it('points a mentee without a mentor to the mentors suggested for them', async () => {
    renderFor(true, [], []);
    expect(await screen.findByRole('link', { name: 'See the mentors suggested for you' })).toHaveAttribute(
      'href',
      '/suggestions',
    );
  });

  it('names the mentee a mentor is mentoring, and the one invitation waiting for their answer', async () => {
    renderFor(false, [pair], [{ id: 'i1', state: 'pending' }]);
    expect(await screen.findByRole('link', { name: 'Mentoring Jordan Rivera' })).toHaveAttribute(
      'href',
      '/relationships/r1',
    );
    expect(await screen.findByText(/needs attention or an answer\./)).toHaveTextContent(
      '1 open invitation needs attention or an answer.',
    );
  });
});
