import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EditEventForm } from './EditEventForm';
import { trainingEvent } from './test-fixtures';

// The app's one API client takes fetch when its module loads, so the stand-in goes in before any import.
const fetchMock = vi.hoisted(() => {
  const f = vi.fn<typeof fetch>();
  globalThis.fetch = f;
  return f;
});

const event = trainingEvent;

beforeEach(() => fetchMock.mockReset());
const renderIt = (onSaved = vi.fn()) => {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <EditEventForm event={event} onSaved={onSaved} />
    </QueryClientProvider>,
  );
  return onSaved;
};

describe('EditEventForm', () => {
  it('sends the trimmed title and a cleared field as null (no place limit), then reports the change', async () => {
    fetchMock.mockImplementationOnce(async (req) => {
      const body = (await (req as Request).json()) as object;
      return new Response(JSON.stringify({ ...event, ...body }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    });
    const user = userEvent.setup();
    const onSaved = renderIt();
    await user.clear(screen.getByLabelText('Title'));
    await user.type(screen.getByLabelText('Title'), '  Leading through change, part 2  ');
    await user.clear(screen.getByLabelText('Places (empty for no limit)'));
    await user.clear(screen.getByLabelText('Location or meeting link'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('The event was changed.')).toBeInTheDocument();
    const request = fetchMock.mock.calls[0]![0] as Request;
    expect(request.method).toBe('PATCH');
    expect(new URL(request.url).pathname).toBe(`/api/v1/training/events/${event.id}`);
    expect(onSaved.mock.calls[0]![0]).toMatchObject({
      title: 'Leading through change, part 2',
      capacity: null,
      location: null,
    });
  });

  it('shows the API’s field error beside the field, and says the event was not changed', async () => {
    fetchMock.mockResolvedValue(
      new Response(
        JSON.stringify({
          type: 'https://mentoring.hhs.gov/problems/validation',
          title: 'Your request is not valid',
          status: 400,
          detail: 'One field needs attention.',
          errors: [{ field: '/body/capacity', message: 'Places must be at least the 3 people registered.' }],
        }),
        { status: 400, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    const user = userEvent.setup();
    const onSaved = renderIt();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('The event was not changed')).toBeInTheDocument();
    expect(screen.getAllByText('Places must be at least the 3 people registered.').length).toBeGreaterThan(0);
    expect(onSaved).not.toHaveBeenCalled();
  });
});
