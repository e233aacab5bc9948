import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../../lib/api';
import Suggestions from './Suggestions';

// The app's one API client takes fetch when its module loads, so the stand-in goes in before any import.
const fetchMock = vi.hoisted(() => {
  const f = vi.fn<typeof fetch>();
  globalThis.fetch = f;
  return f;
});
const reply = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

const mentor = (id: string, name: string): Schemas['MentorCard'] => ({
  id,
  name,
  opdiv: 'NIH',
  grade: 'GS-14',
  occupationTitle: 'Program Manager',
  city: 'Bethesda',
  state: 'MD',
  bio: '',
  competencies: ['strategic-thinking'],
  technicalAreas: 'budget formulation',
  platforms: ['s2j'],
  communicationMethods: ['video'],
  remainingCapacity: 2,
  paused: false,
  menteesWaiting: 0,
});
const criterion = {
  key: 'needs',
  weight: 40,
  score: 0.875,
  explanation: 'Covers 7 of your 8 development needs',
};

const urlOf = (input: unknown) => (input instanceof Request ? input.url : String(input));

beforeEach(() => fetchMock.mockReset());
const renderIt = () =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>
        <Suggestions />
      </MemoryRouter>
    </QueryClientProvider>,
  );

describe('Suggestions (R-MATCH-1)', () => {
  it('lists mentors in rank order with the rounded score, the reasons and the score breakdown', async () => {
    const competencies = [
      { code: 'strategic-thinking', name: 'Strategic Thinking', group: 'OPM', definition: '', focus: true },
    ];
    fetchMock.mockImplementation(async (...args: unknown[]) =>
      urlOf(args[0]).includes('/competencies')
        ? reply(200, competencies)
        : reply(200, {
            items: [
              {
                mentor: mentor('E1', 'Dana Whitfield'),
                score: 91.78,
                criteria: [criterion],
                reasons: ['Strong in your needs', 'Same time zone'],
              },
              {
                mentor: mentor('E2', 'Lee Park'),
                score: 80.2,
                criteria: [criterion],
                reasons: ['Offers Senior-to-Junior'],
              },
            ],
            total: 2,
            limit: 20,
            next: null,
          }),
    );
    renderIt();
    const list = await screen.findByRole('list', { name: 'Suggested mentors' });
    // Competencies read as their names, never as codes.
    expect(await within(list).findAllByText(/Strategic Thinking/)).toHaveLength(2);
    expect(list).not.toHaveTextContent('strategic-thinking');
    const cards = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('usa-card'));
    expect(cards.map((c) => within(c).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'Dana Whitfield',
      'Lee Park',
    ]);
    expect(within(cards[0]!).getByText('#1')).toBeInTheDocument();
    expect(within(cards[0]!).getByTestId('score')).toHaveTextContent('Match score 92');
    expect(
      within(within(cards[0]!).getByTestId('reasons'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Strong in your needs', 'Same time zone']);
    expect(
      within(cards[0]!).getByRole('table', { name: 'How the score of Dana Whitfield is made' }),
    ).toHaveTextContent('Development needs4088 %Covers 7 of your 8 development needs');
    const suggestionsCall = fetchMock.mock.calls.find(([r]) => urlOf(r).includes('/suggestions'));
    expect(new URL(urlOf(suggestionsCall![0])).search).toBe('?limit=20');
  });

  it('shows a rule’s 409 as the rule’s sentence with a way on, not as an error', async () => {
    fetchMock.mockResolvedValue(
      reply(
        409,
        {
          type: 'https://mentoring.hhs.gov/problems/R-CAP-2',
          title: 'R-CAP-2',
          status: 409,
          rule: 'R-CAP-2',
          detail: 'You already have a mentor; a mentee has one mentoring relationship at a time.',
        },
        'application/problem+json',
      ),
    );
    renderIt();
    expect(
      await screen.findByText(
        /You already have a mentor; a mentee has one mentoring relationship at a time\./,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See my relationships' })).toHaveAttribute(
      'href',
      '/relationships',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says what to do when no eligible mentor has a place', async () => {
    fetchMock.mockResolvedValue(reply(200, { items: [], total: 0, limit: 20, next: null }));
    renderIt();
    expect(
      await screen.findByText(
        'No eligible mentor has a place right now. Try searching, or ask your coordinator for help.',
      ),
    ).toBeInTheDocument();
  });
});
