import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import Settings, { SettingsSummary } from './Settings';

// The app's one API client takes fetch when its module loads, so the stand-in goes in before any import.
const fetchMock = vi.hoisted(() => {
  const f = vi.fn<typeof fetch>();
  globalThis.fetch = f;
  return f;
});

const value = {
  weights: { needs: 40, goals: 20, platform: 15, geography: 10, communication: 10, capacity: 5 },
  maxCapacity: 5,
  maxOpenInvitations: 3,
  invitationExpiryDays: 14,
  reportMinGroupSize: 5,
  terminationMinMonths: 3,
  nudgeUnmatchedDays: [14, 30],
  nudgeInvitationDays: 5,
  nudgeUnconfirmedDays: 3,
};
const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  fetchMock.mockReset();
});

describe('Settings', () => {
  it('shows someone who is not the program manager the values in words, with no form to submit', () => {
    render(<SettingsSummary value={value} />);
    expect(screen.getByText('Only the program manager can change these settings.')).toBeVisible();
    expect(screen.getByText('Most mentees per mentor')).toBeVisible();
    expect(screen.getByText('Development needs the mentor covers')).toBeVisible();
    expect(screen.getByTestId('reminders-summary')).toHaveTextContent(
      'Second reminder to a mentee who is not matched yet30 days',
    );
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('spinbutton')).toBeNull();
    expect(document.body.textContent).not.toMatch(/R-[A-Z]+-\d|needs:/);
  });

  it('starts the form again from the version the API saved (a keyed form, not state copied by an effect)', async () => {
    const saved = { version: 2, updatedAt: '2026-12-01T15:00:00.000Z', value: { ...value, maxCapacity: 4 } };
    fetchMock.mockImplementation(async (input) => {
      const req = input as Request;
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/me') return json({ roles: ['program_manager'], employee: { id: 'E1' } });
      // The API keeps its own limit for open invitations: the form must show what was saved, not what was typed.
      if (req.method === 'PUT') return json({ ...saved, value: { ...saved.value, maxOpenInvitations: 2 } });
      return json({ version: 1, updatedAt: '2026-11-01T15:00:00.000Z', value });
    });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter>
          <Settings />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    const capacity = await screen.findByLabelText('Most mentees per mentor');
    expect(capacity).toHaveValue(5);
    await user.clear(capacity);
    await user.type(capacity, '4');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(screen.getByText(/Version 2, last changed/)).toBeInTheDocument();
    expect(screen.getByLabelText('Most mentees per mentor')).toHaveValue(4);
    expect(screen.getByLabelText('Most open invitations per mentee')).toHaveValue(2);
    const put = fetchMock.mock.calls.map(([r]) => r as Request).find((r) => r.method === 'PUT')!;
    expect(((await put.json()) as typeof value).maxCapacity).toBe(4);
  });

  const renderAs = (
    roles: string[],
    onPut: () => Response,
    current = { version: 1, updatedAt: '2026-11-01T15:00:00.000Z', value },
  ) => {
    fetchMock.mockImplementation(async (input) => {
      const req = input as Request;
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/me') return json({ roles, employee: { id: 'E1' } });
      if (req.method === 'PUT') return onPut();
      return json(current);
    });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter>
          <Settings />
        </MemoryRouter>
      </QueryClientProvider>,
    );
  };

  it('says no one has changed the settings yet at version 0, never a 1970 date', async () => {
    renderAs(['coordinator'], () => json({}), { version: 0, updatedAt: '1970-01-01T00:00:00.000Z', value });
    expect(
      await screen.findByText(/These are the program’s starting values; no one has changed them yet\./),
    ).toBeVisible();
    expect(document.body).not.toHaveTextContent(/1970|Version 0/);
  });

  it('after a failed save, focus moves to the first field in error, its message read with it, and the typed values stay', async () => {
    renderAs(
      ['program_manager'],
      () =>
        new Response(
          JSON.stringify({
            type: 'https://mentoring.hhs.gov/problems/validation',
            title: 'Some answers need another look',
            status: 422,
            detail: 'Some answers need another look.',
            errors: [
              { field: '/body/invitationExpiryDays', message: 'Use a number from 1 to 90.' },
              { field: '/body/reportMinGroupSize', message: 'Use a number from 1 to 50.' },
            ],
          }),
          { status: 422, headers: { 'content-type': 'application/problem+json' } },
        ),
    );
    const user = userEvent.setup();
    const expiry = await screen.findByLabelText(/Days before an invitation expires/);
    await user.clear(expiry);
    await user.type(expiry, '120');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByTestId('error-alert')).toHaveTextContent('Some answers need another look.');
    await vi.waitFor(() => expect(expiry).toHaveFocus());
    expect(expiry).toHaveAttribute('aria-invalid', 'true');
    expect(expiry).toHaveAccessibleDescription(/Use a number from 1 to 90\./);
    expect(expiry).toHaveValue(120);
    expect(screen.getByLabelText(/Smallest group shown in reports/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('R-NUDGE-1..3: the program manager changes when each reminder goes out, in days, and sees a refused one beside its field', async () => {
    renderAs(
      ['program_manager'],
      () =>
        new Response(
          JSON.stringify({
            type: 'https://mentoring.hhs.gov/problems/validation',
            title: 'Your request is not valid',
            status: 400,
            detail:
              'The second reminder to an unmatched mentee must come after the first: enter more than 30 days.',
            errors: [
              {
                field: '/body/nudgeUnmatchedDays/1',
                message:
                  'The second reminder to an unmatched mentee must come after the first: enter more than 30 days.',
              },
            ],
          }),
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        ),
    );
    const user = userEvent.setup();
    const first = await screen.findByLabelText('First reminder to a mentee who is not matched yet');
    expect(first).toHaveValue(14);
    expect(screen.getByLabelText('Second reminder to a mentee who is not matched yet')).toHaveValue(30);
    expect(screen.getByLabelText('Reminder to a mentor who has not answered an invitation')).toHaveValue(5);
    expect(screen.getByLabelText('Reminder to a mentee who has not confirmed their mentor')).toHaveValue(3);
    await user.clear(first);
    await user.type(first, '20');
    const invitation = screen.getByLabelText('Reminder to a mentor who has not answered an invitation');
    await user.clear(invitation);
    await user.type(invitation, '7');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(
      (await screen.findAllByText(/must come after the first: enter more than 30 days/)).length,
    ).toBeGreaterThanOrEqual(1);
    expect(
      screen.getByLabelText('Second reminder to a mentee who is not matched yet'),
    ).toHaveAccessibleDescription(/must come after the first/);
    const put = fetchMock.mock.calls.map(([r]) => r as Request).find((r) => r.method === 'PUT')!;
    expect(await put.json()).toMatchObject({
      nudgeUnmatchedDays: [20, 30],
      nudgeInvitationDays: 7,
      nudgeUnconfirmedDays: 3,
    });
    expect(document.body.textContent).not.toMatch(/nudge[A-Z]|R-NUDGE/);
  });
});
