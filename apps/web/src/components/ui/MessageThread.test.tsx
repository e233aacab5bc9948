import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import userEvent from '@testing-library/user-event';
import { MessageThread, threadOf, type Thread, type ThreadPage } from './MessageThread';

const thread = (over: Partial<Thread> = {}): Thread => ({
  kind: 'relationship',
  id: 'r1',
  open: true,
  partnerName: 'Dana Whitfield',
  partnerReadUpTo: 1,
  messages: [
    {
      id: 1,
      authorId: 'E1',
      authorName: 'Jordan Rivera',
      mine: true,
      body: 'Seen one',
      sentAt: '2027-03-01T15:00:00.000Z',
    },
    {
      id: 2,
      authorId: 'E1',
      authorName: 'Jordan Rivera',
      mine: true,
      body: 'Not yet',
      sentAt: '2027-03-01T16:00:00.000Z',
    },
  ],
  ...over,
});
const show = (t: Thread) =>
  render(
    <MessageThread
      thread={t}
      idPrefix="t"
      onSend={vi.fn().mockResolvedValue({})}
      sending={false}
      error={null}
      closedText="This conversation is closed."
    />,
  );

describe('MessageThread', () => {
  it('R-MSG-3: marks as seen what the partner has read, and only that', () => {
    show(thread());
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('· Seen');
    expect(items[1]).not.toHaveTextContent('Seen');
  });

  it('R-MSG-1: a closed thread can be read but not written to; an empty one says so', () => {
    const { unmount } = show(thread({ open: false }));
    expect(screen.getByText('This conversation is closed.')).toBeVisible();
    expect(screen.queryByRole('textbox')).toBeNull();
    unmount();
    show(thread({ messages: [] }));
    expect(screen.getByText('No messages yet.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Send message' })).toBeDisabled();
  });

  it('R-MSG-1: pages loaded newest first read oldest first; earlier messages load on request', async () => {
    const m = (id: number) => ({ ...thread().messages[0]!, id, body: `Message ${id}` });
    const page = (ids: number[], next: string | null): ThreadPage => {
      const { messages: _m, ...about } = thread();
      return { ...about, items: ids.map(m), limit: 2, next };
    };
    const joined = threadOf({ pages: [page([4, 3], '/next'), page([2, 1], null)] });
    expect(joined.messages.map((x) => x.id)).toEqual([1, 2, 3, 4]);
    const load = vi.fn();
    render(
      <MessageThread
        thread={joined}
        earlier={{ more: true, loading: false, load }}
        idPrefix="t"
        onSend={vi.fn().mockResolvedValue({})}
        sending={false}
        error={null}
        closedText="Closed."
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Show earlier messages' }));
    expect(load).toHaveBeenCalledOnce();
  });
});
