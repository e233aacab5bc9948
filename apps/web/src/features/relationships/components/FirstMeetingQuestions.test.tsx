import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fetchMock, json } from '../../../test/fetch';
import { FirstMeetingQuestions } from './FirstMeetingQuestions';

const guidance = {
  reflectionPrompts: { heading: 'Reflecting on your goals', items: ['What do you want to learn?'] },
  questionsForProspectiveMentor: {
    heading: 'Questions to ask a prospective mentor',
    items: ['How did you get where you are?'],
  },
  agreementTopics: { heading: 'Topics for your mentoring agreement', items: ['Boundaries'] },
};

const NAME = { name: 'Questions to ask a prospective mentor' };

function renderFor(myRole: 'mentor' | 'mentee' | null, meetingsHeld: number | undefined) {
  fetchMock.mockImplementation(async () => json(guidance));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={client}>
      <FirstMeetingQuestions myRole={myRole} meetingsHeld={meetingsHeld} />
    </QueryClientProvider>,
  );
  return { ...view, client };
}

async function shown(myRole: 'mentor' | 'mentee' | null, meetingsHeld: number | undefined) {
  const { client, unmount } = renderFor(myRole, meetingsHeld);
  // The guidance is asked for whoever reads; once it has arrived, what is on screen is the answer.
  await vi.waitFor(() => expect(client.isFetching()).toBe(0));
  await vi.waitFor(() => expect(client.getQueryCache().getAll()[0]?.state.status).toBe('success'));
  const aside = screen.queryByRole('complementary', NAME);
  unmount();
  return aside !== null;
}

describe('FirstMeetingQuestions (R-CONTENT-3)', () => {
  it('shows the mentee the questions for a prospective mentor until their first meeting is held', async () => {
    const { unmount } = renderFor('mentee', 0);
    expect(await screen.findByRole('complementary', NAME)).toHaveTextContent(
      'How did you get where you are?',
    );
    unmount();
    expect(await shown('mentee', 1)).toBe(false);
    expect(await shown('mentee', undefined)).toBe(false);
  });

  it('never shows them to the mentor, who is the one asked, or to a coordinator reading the page', async () => {
    expect(await shown('mentor', 0)).toBe(false);
    expect(await shown(null, 0)).toBe(false);
  });
});
