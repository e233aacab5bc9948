import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../../lib/api';
import InvitationDetail from './InvitationDetail';

// The app's one API client takes fetch when its module loads, so the stand-in goes in before any import.
const fetchMock = vi.hoisted(() => {
  const f = vi.fn<typeof fetch>();
  globalThis.fetch = f;
  return f;
});
const reply = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

const ID = '11111111-1111-4111-8111-111111111111';
const invitation = (state: Schemas['Invitation']['state']): Schemas['Invitation'] => ({
  id: ID,
  mentee: { id: 'E1', name: 'Jordan Rivera', opdiv: 'CDC' },
  mentor: { id: 'E2', name: 'Dana Whitfield', opdiv: 'NIH' },
  platform: 's2j',
  message: 'I would value your guidance on program evaluation.',
  state,
  declineReason: null,
  declineNote: null,
  alreadyAgreed: false,
  relationshipId: null,
  sentAt: '2026-11-02T15:00:00.000Z',
  answeredAt: null,
  expiresAt: '2026-11-16T15:00:00.000Z',
  closedAt: null,
  version: 1,
});
const context: Schemas['InvitationContext'] = {
  mentee: {
    name: 'Jordan Rivera',
    opdiv: 'CDC',
    grade: 'GS-12',
    occupationTitle: 'Public Health Analyst',
    city: 'Atlanta',
    state: 'GA',
    timeZone: 'America/New_York',
    bio: '',
    developmentalNeeds: [{ code: 'strategic-thinking', name: 'Strategic Thinking' }],
    shortTermGoals: 'Lead a program evaluation.',
    longTermGoals: 'Become a program manager.',
    platform: 's2j',
    locationPreference: 'cross_opdiv',
    communicationMethods: ['video', 'phone'],
  },
  cohort: {
    proposedAt: '2026-11-02T15:00:00.000Z',
    approvedBy: 'Priya Natarajan',
    score: 88,
    reasons: ['Covers 1 of the mentee’s 1 development needs'],
  },
};
const mentorMe = { employee: { id: 'E2', firstName: 'Dana' }, roles: ['participant'] };
let me = mentorMe;
let shownContext = context;

type Message = {
  id: number;
  authorId: string;
  authorName: string;
  mine: boolean;
  body: string;
  sentAt: string;
};
// The invitation's thread as the API keeps it: its own message first (id 0), then what the two write.
let thread: Message[] = [];
const threadReply = (open = true) =>
  reply(200, {
    kind: 'invitation',
    id: ID,
    open,
    partnerName: 'Jordan Rivera',
    partnerReadUpTo: 0,
    // Newest first, all on one page.
    items: [...thread].reverse(),
    limit: 50,
    next: null,
  });

function routeFetch(onAccept: () => Response, onDecline: (body: unknown) => Response = () => reply(404, {})) {
  thread = [
    {
      id: 0,
      authorId: 'E1',
      authorName: 'Jordan Rivera',
      mine: false,
      body: 'I would value your guidance on program evaluation.',
      sentAt: '2026-11-02T15:00:00.000Z',
    },
  ];
  fetchMock.mockImplementation(async (...args: unknown[]) => {
    const [input, init] = args as [Request | string, RequestInit | undefined];
    // beforeEach returns the mock, so vitest also calls it once, with nothing, as that hook's cleanup.
    if (!input) return reply(404, {});
    const url = typeof input === 'string' ? input : input.url;
    const method = (typeof input === 'string' ? init?.method : input.method) ?? 'GET';
    const path = new URL(url, 'http://localhost').pathname;
    if (path === '/api/v1/me') return reply(200, me);
    if (path.endsWith('/context')) return reply(200, shownContext);
    if (path === '/api/v1/me/messages/unread')
      return reply(200, { total: 0, items: [], limit: 100, next: null });
    if (path.endsWith('/messages') && method === 'POST') {
      const { body } = (await (input as Request).json()) as { body: string };
      const sent = {
        id: thread.length,
        authorId: 'E2',
        authorName: 'Dana Whitfield',
        mine: true,
        body,
        sentAt: '2026-11-03T15:00:00.000Z',
      };
      thread = [...thread, sent];
      return reply(201, sent);
    }
    if (path.endsWith('/messages')) {
      // As the API does (R-API-4): a cursor it never gave out is refused, so the first page must be asked for bare.
      if (new URL(url, 'http://localhost').searchParams.has('cursor'))
        return reply(400, {
          type: 'https://mentoring.hhs.gov/problems/validation',
          title: 'Your request is not valid',
          status: 400,
          detail: 'That cursor is not one we gave out.',
        });
      return threadReply();
    }
    if (path.endsWith('/accept')) return onAccept();
    if (path.endsWith('/decline')) return onDecline(await (input as Request).json());
    return reply(200, invitation('pending'));
  });
}

const renderIt = () =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={[`/invitations/${ID}`]}>
        <Routes>
          <Route path="/invitations/:id" element={<InvitationDetail />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );

beforeEach(() => {
  fetchMock.mockReset();
  me = mentorMe;
  shownContext = context;
});

describe('InvitationDetail (the mentor answers)', () => {
  it('shows the mentee’s goals, competencies, grade, occupation, location, platform and message, and why a cohort proposed it', async () => {
    routeFetch(() => reply(200, invitation('accepted')));
    renderIt();
    const about = await screen.findByTestId('mentee-context');
    expect(about).toHaveTextContent('Public Health Analyst, GS-12, CDC');
    expect(about).toHaveTextContent('Atlanta, GA');
    expect(about).toHaveTextContent('Strategic Thinking');
    expect(about).toHaveTextContent('Lead a program evaluation.');
    expect(about).toHaveTextContent('Become a program manager.');
    expect(about).toHaveTextContent('Senior-to-Junior');
    expect(about).toHaveTextContent('A mentor in a different operating division');
    expect(about).toHaveTextContent('Video and Phone');
    expect(about).toHaveTextContent('I would value your guidance on program evaluation.');
    expect(screen.getByRole('heading', { name: 'Why your coordinator proposed this match' })).toBeVisible();
    expect(about).toHaveTextContent('Priya Natarajan matched mentees and mentors as a group');
    expect(screen.getByRole('link', { name: 'Open Jordan Rivera’s directory entry' })).toHaveAttribute(
      'href',
      '/people/E1',
    );
  });

  it('after Accept, focus moves to the new state of the invitation', async () => {
    routeFetch(() => reply(200, invitation('accepted')));
    renderIt();
    await userEvent.click(await screen.findByRole('button', { name: 'Accept' }));
    await screen.findByText('Accepted: confirm to start');
    await waitFor(() => expect(screen.getByTestId('invitation-result').parentElement).toHaveFocus());
  });

  it('after a failed Accept, focus moves to the error and the decline note typed so far is kept', async () => {
    routeFetch(() =>
      reply(
        409,
        {
          type: 'https://mentoring.hhs.gov/problems/R-CAP-1',
          title: 'Refused',
          status: 409,
          rule: 'R-CAP-1',
          detail: 'You already have 5 mentees, the most the program allows.',
        },
        'application/problem+json',
      ),
    );
    renderIt();
    await userEvent.type(await screen.findByLabelText('Note (optional)'), 'Maybe in spring');
    await userEvent.click(screen.getByRole('button', { name: 'Accept' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You already have 5 mentees, the most the program allows.');
    expect(alert).not.toHaveTextContent('R-CAP-1');
    await waitFor(() => expect(alert.closest('[tabindex="-1"]')).toHaveFocus());
    expect(screen.getByLabelText('Note (optional)')).toHaveValue('Maybe in spring');
  });

  it('Decline without a reason moves focus to the reason, its error read with it; nothing is sent', async () => {
    routeFetch(() => reply(200, invitation('accepted')));
    renderIt();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Note (optional)'), 'Too busy until June');
    await user.click(screen.getByRole('button', { name: 'Decline invitation' }));
    const reason = screen.getByRole('combobox', { name: /Reason/ });
    await waitFor(() => expect(reason).toHaveFocus());
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription('Choose a reason for declining.');
    expect(screen.getByLabelText('Note (optional)')).toHaveValue('Too busy until June');
    expect(fetchMock.mock.calls.some(([r]) => (r as Request).url?.endsWith('/decline'))).toBe(false);
  });

  it('after Decline, focus moves to the new state of the invitation', async () => {
    const declined = { ...invitation('declined'), declineReason: 'time_constraints' as const };
    let sent: unknown;
    routeFetch(
      () => reply(404, {}),
      (body) => {
        sent = body;
        return reply(200, declined);
      },
    );
    renderIt();
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByRole('combobox', { name: /Reason/ }), 'time_constraints');
    await user.click(screen.getByRole('button', { name: 'Decline invitation' }));
    await waitFor(() => expect(screen.getByTestId('invitation-result').parentElement).toHaveFocus());
    expect(screen.getByTestId('invitation-state')).toHaveTextContent(/Declined/);
    expect(sent).toEqual({ reason: 'time_constraints' });
  });

  it("R-MATCH-4: the mentee's own view of a cohort invitation names the coordinator's message as theirs, not the mentee's", async () => {
    me = { employee: { id: 'E1', firstName: 'Jordan' }, roles: ['participant'] };
    routeFetch(() => reply(404, {}));
    const { unmount } = renderIt();
    expect(
      await screen.findByText('Message from the program coordinator who proposed this match'),
    ).toBeVisible();
    expect(screen.queryByText('Your message')).toBeNull();
    unmount();

    shownContext = { ...context, cohort: null };
    renderIt();
    expect(await screen.findByText('Your message')).toBeVisible();
  });

  it('R-MSG-1: the mentor asks a question before answering; the thread starts with the invitation’s message', async () => {
    routeFetch(() => reply(200, invitation('accepted')));
    renderIt();
    const section = await screen.findByRole('region', { name: 'Messages' });
    expect(section).toHaveTextContent('Ask the mentee anything you need to know before you answer.');
    await within(section).findByText('I would value your guidance on program evaluation.');
    expect(section).toHaveTextContent(
      'Only you and Jordan Rivera can read these messages. Coordinators cannot.',
    );
    const box = within(section).getByLabelText('Write to Jordan Rivera');
    await userEvent.type(box, 'Which evaluation are you leading?');
    await userEvent.click(within(section).getByRole('button', { name: 'Send message' }));
    await within(section).findByText('Which evaluation are you leading?');
    await waitFor(() => expect(box).toHaveValue(''));
    const posted = fetchMock.mock.calls
      .map(([input]) => input as Request)
      .find((r) => r?.method === 'POST' && r.url.endsWith(`/api/v1/invitations/${ID}/messages`));
    expect(posted).toBeDefined();
    // Nothing here is shown with an accept button from the thread; answering stays the mentor's own step.
    expect(screen.getByRole('button', { name: 'Accept' })).toBeVisible();
  });
});
