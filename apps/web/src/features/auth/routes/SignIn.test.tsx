import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import SignIn from './SignIn';

// The app's one API client takes fetch when its module loads, so the stand-in goes in before any import.
vi.hoisted(() => {
  globalThis.fetch = vi.fn<typeof fetch>(
    async () =>
      new Response(JSON.stringify({ type: 'about:blank', title: 'Not signed in', status: 401 }), {
        status: 401,
        headers: { 'content-type': 'application/problem+json' },
      }),
  );
});

describe('SignIn', () => {
  it('offers a first-time employee the ways in: register, reset a password, read about the program', async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter>
          <SignIn />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('link', { name: 'Create an account' })).toHaveAttribute(
      'href',
      '/register',
    );
    expect(screen.getByRole('link', { name: /Reset it/ })).toHaveAttribute('href', '/reset-password');
    expect(screen.getByRole('link', { name: /about the mentoring program/ })).toHaveAttribute(
      'href',
      '/program',
    );
  });
});
