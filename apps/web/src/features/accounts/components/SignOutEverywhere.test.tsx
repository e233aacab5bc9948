import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SignOutEverywhere } from './SignOutEverywhere';

// The app's one API client takes fetch when its module loads, so the stand-in goes in before any import.
const fetchMock = vi.hoisted(() => {
  const f = vi.fn<typeof fetch>();
  globalThis.fetch = f;
  return f;
});

const renderIt = (onSignedOut = vi.fn()) => {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SignOutEverywhere onSignedOut={onSignedOut} />
    </QueryClientProvider>,
  );
  return onSignedOut;
};

beforeEach(() => fetchMock.mockReset());

describe('SignOutEverywhere', () => {
  it('asks first, and stepping back sends nothing', async () => {
    const user = userEvent.setup();
    renderIt();
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(screen.getByRole('group')).toHaveAccessibleName(
      'Sign out on every device? You will need to sign in again here too.',
    );
    await user.click(screen.getByRole('button', { name: 'Stay signed in' }));
    expect(screen.getByRole('button', { name: 'Sign out everywhere' })).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('ends the sessions through the API, then hands over to the sign-in page', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    const user = userEvent.setup();
    const onSignedOut = renderIt();
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    await user.click(screen.getByRole('button', { name: 'Yes, sign out everywhere' }));
    await vi.waitFor(() => expect(onSignedOut).toHaveBeenCalledTimes(1));
    const request = fetchMock.mock.calls[0]![0] as Request;
    expect(request.method).toBe('POST');
    expect(new URL(request.url).pathname).toBe('/api/v1/auth/logout-everywhere');
  });

  it('says so when the API refuses, and stays on the page', async () => {
    fetchMock.mockResolvedValue(
      new Response(
        JSON.stringify({
          type: 'about:blank',
          title: 'Sign in first',
          status: 401,
          detail: 'Your session has ended.',
        }),
        {
          status: 401,
          headers: { 'content-type': 'application/problem+json' },
        },
      ),
    );
    const user = userEvent.setup();
    const onSignedOut = renderIt();
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    await user.click(screen.getByRole('button', { name: 'Yes, sign out everywhere' }));
    expect(await screen.findByText('Your sessions were not ended')).toBeInTheDocument();
    expect(onSignedOut).not.toHaveBeenCalled();
  });
});
