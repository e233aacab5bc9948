import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { ProgressReport } from '../api/types';
import ProgressReportPage from './ProgressReport';
import { fetchMock, json } from '../../../test/fetch';

const blank: ProgressReport = {
  relationshipId: 'r1',
  role: 'mentee',
  meetingsHeld: 0,
  lastMeetingAt: null,
  objectivesProgress: '',
  relationshipRating: null,
  concerns: '',
  wantsCoordinatorContact: false,
  submittedAt: null,
  updatedAt: null,
  version: 0,
};

describe('ProgressReportPage', () => {
  it('R-LIFE-4: a saved draft starts the form again from the saved version, so submitting it is not refused', async () => {
    let stored = blank;
    const bodies: { version: number; submit?: boolean; meetingsHeld: number }[] = [];
    fetchMock.mockImplementation(async (input) => {
      const req = input as Request;
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/relationships/r1') return json({ id: 'r1', myRole: 'mentee' });
      if (path !== '/api/v1/relationships/r1/progress-reports/mentee')
        return json({ type: 'about:blank', title: 'Not found', status: 404 }, 404);
      if (req.method === 'GET') return json(stored);
      const { submit, ...body } = (await req.json()) as (typeof bodies)[number];
      bodies.push({ ...body, submit });
      // The API's concurrency check: a body written from an older version is refused.
      if (body.version !== stored.version)
        return json({ type: 'about:blank', title: 'Someone else changed this report', status: 409 }, 409);
      stored = {
        ...stored,
        ...body,
        version: stored.version + 1,
        updatedAt: '2027-05-01T15:00:00.000Z',
        submittedAt: submit ? '2027-05-01T15:00:00.000Z' : null,
      };
      return json(stored);
    });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={['/relationships/r1/progress-report']}>
          <Routes>
            <Route path="/relationships/:id/progress-report" element={<ProgressReportPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    const meetings = await screen.findByLabelText('Meetings held so far');
    await user.clear(meetings);
    await user.type(meetings, '4');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    await user.click(await screen.findByRole('button', { name: 'Submit report' }));

    expect(await screen.findByText(/^Submitted on/)).toBeVisible();
    expect(bodies).toEqual([
      expect.objectContaining({ meetingsHeld: 4, version: 0, submit: false }),
      expect.objectContaining({ meetingsHeld: 4, version: 1, submit: true }),
    ]);
    expect(screen.getByLabelText('Meetings held so far')).toBeDisabled();
    expect(screen.queryByText('The report was not saved')).toBeNull();
  });

  it('R-MEET-5: the form starts from the meetings the pair recorded and says when the last one was', async () => {
    fetchMock.mockImplementation(async (input) => {
      const path = new URL((input as Request).url).pathname;
      if (path === '/api/v1/relationships/r1') return json({ id: 'r1', myRole: 'mentee' });
      return json({ ...blank, meetingsHeld: 3, lastMeetingAt: '2027-04-20T14:00:00.000Z' });
    });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={['/relationships/r1/progress-report']}>
          <Routes>
            <Route path="/relationships/:id/progress-report" element={<ProgressReportPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const meetings = await screen.findByLabelText('Meetings held so far');
    expect(meetings).toHaveValue(3);
    expect(meetings).toHaveAccessibleDescription('Your last recorded meeting was on April 20, 2027.');
  });
});
