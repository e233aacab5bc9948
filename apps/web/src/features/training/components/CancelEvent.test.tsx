import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CancelEvent } from './CancelEvent';
import { trainingEvent } from './test-fixtures';
import { toLocalInput } from './EventForm';

const event = trainingEvent;

describe('CancelEvent', () => {
  it('asks before cancelling, says who will be told, and can step back without sending anything', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <CancelEvent event={event} onCancelled={vi.fn()} />
      </QueryClientProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Cancel this event' }));
    expect(screen.getByRole('group')).toHaveAccessibleName(
      'Cancel “Leading through change”? 4 people registered or waiting will be told. This cannot be undone.',
    );
    await user.click(screen.getByRole('button', { name: 'Keep the event' }));
    expect(screen.getByRole('button', { name: 'Cancel this event' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Yes, cancel the event' })).not.toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('toLocalInput', () => {
  it('shows an instant as the local date and time a datetime-local field takes', () => {
    const at = new Date(2026, 11, 3, 9, 5);
    expect(toLocalInput(at.toISOString())).toBe('2026-12-03T09:05');
    expect(toLocalInput(null)).toBe('');
  });
});
