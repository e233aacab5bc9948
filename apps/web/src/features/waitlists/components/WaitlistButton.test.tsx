import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import MyWaitlists from '../routes/MyWaitlists';
import { WaitlistButton } from './WaitlistButton';

const fetchMock = vi.hoisted(() => {
  const f = vi.fn<typeof fetch>();
  globalThis.fetch = f;
  return f;
});
const reply = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

type Line = {
  mentorId: string;
  mentorName: string;
  joinedAt: string;
  notifiedAt: string | null;
  position: number | null;
};
let lines: Line[] = [];
const calls: string[] = [];
function fakeApi() {
  fetchMock.mockImplementation(async (...args: unknown[]) => {
    const input = args[0] as Request | undefined;
    if (!input) return reply(404, {});
    const path = new URL(input.url).pathname;
    calls.push(`${input.method} ${path}`);
    const mentorId = path.split('/').pop()!;
    if (path === '/api/v1/me/waitlists') return reply(200, { items: lines, limit: 100, next: null });
    if (input.method === 'PUT') {
      const line = {
        mentorId,
        mentorName: 'Dana Whitfield',
        joinedAt: '2026-12-01T10:00:00.000Z',
        notifiedAt: null,
        position: 3,
      };
      lines = [line];
      return reply(200, line);
    }
    if (input.method === 'DELETE') {
      lines = lines.filter((l) => l.mentorId !== mentorId);
      return reply(204, null);
    }
    return reply(404, {});
  });
}
const wrap = (ui: React.ReactNode) =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
const mentor = {
  id: 'E9000005',
  name: 'Dana Whitfield',
  remainingCapacity: 0,
  paused: false,
  menteesWaiting: 2,
};

beforeEach(() => {
  fetchMock.mockReset();
  lines = [];
  calls.length = 0;
  fakeApi();
});

describe('WaitlistButton (a full or paused mentor)', () => {
  it('R-WAIT-1/2: says how many wait, asks to be told, then shows my place in line and a way to stop', async () => {
    const user = userEvent.setup();
    wrap(<WaitlistButton mentor={mentor} />);
    expect(screen.getByTestId('waitlist')).toHaveTextContent(
      'This mentor has no free place. 2 mentees are waiting for a place.',
    );
    await user.click(await screen.findByRole('button', { name: 'Tell me when Dana Whitfield has a place' }));
    expect(await screen.findByText(/You are number 3 in line/)).toBeVisible();
    expect(calls).toContain('PUT /api/v1/me/waitlists/E9000005');
    await user.click(screen.getByRole('button', { name: 'Stop waiting for Dana Whitfield' }));
    await screen.findByRole('button', { name: 'Tell me when Dana Whitfield has a place' });
    expect(calls).toContain('DELETE /api/v1/me/waitlists/E9000005');
  });

  it('R-WAIT-1: a paused mentor says so; a mentor with a free place shows no waitlist at all', () => {
    const { unmount } = wrap(
      <WaitlistButton mentor={{ ...mentor, paused: true, remainingCapacity: 2, menteesWaiting: 1 }} />,
    );
    expect(screen.getByTestId('waitlist')).toHaveTextContent(
      'This mentor is not taking mentees for now. 1 mentee is waiting for a place.',
    );
    unmount();
    wrap(<WaitlistButton mentor={{ ...mentor, remainingCapacity: 1 }} />);
    expect(screen.queryByTestId('waitlist')).toBeNull();
  });
});

describe('My waitlists', () => {
  it('R-WAIT-1/3: lists my place in each line, says when a place became free, and lets me leave', async () => {
    const user = userEvent.setup();
    lines = [
      {
        mentorId: 'E1',
        mentorName: 'Ada Park',
        joinedAt: '2026-11-20T10:00:00.000Z',
        notifiedAt: null,
        position: 2,
      },
      {
        mentorId: 'E2',
        mentorName: 'Ben Cole',
        joinedAt: '2026-11-01T10:00:00.000Z',
        notifiedAt: '2026-11-28T10:00:00.000Z',
        position: null,
      },
    ];
    wrap(<MyWaitlists />);
    const list = await screen.findByTestId('waitlists');
    expect(list).toHaveTextContent('Waiting since November 20, 2026. You are number 2 in line.');
    expect(list).toHaveTextContent('A place became free on November 28, 2026.');
    expect(screen.getByRole('link', { name: 'Invite Ben Cole' })).toHaveAttribute('href', '/invite/E2');
    await user.click(screen.getByRole('button', { name: 'Leave the waitlist for Ada Park' }));
    await waitFor(() => expect(screen.queryByText('Ada Park')).toBeNull());
    expect(calls).toContain('DELETE /api/v1/me/waitlists/E1');
  });

  it('says plainly when I wait for nobody', async () => {
    wrap(<MyWaitlists />);
    expect(await screen.findByTestId('empty')).toHaveTextContent('You are not waiting for any mentor.');
  });
});
