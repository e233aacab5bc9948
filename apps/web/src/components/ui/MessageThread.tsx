import { Button, Textarea } from '@trussworks/react-uswds';
import { useState } from 'react';
import type { paths } from '@hhs-mentoring/api-client';
import { Field } from './Field';
import { ErrorAlert } from './States';
import { formatDateTime } from '../../lib/format';
import { PlainText } from './text';

/** One page of a thread as the API answers it: newest first, `next` leading to earlier messages. */
export type ThreadPage =
  paths['/api/v1/relationships/{id}/messages']['get']['responses'][200]['content']['application/json'];
/** The thread as shown: every page loaded so far, oldest first. */
export type Thread = Omit<ThreadPage, 'items' | 'limit' | 'next'> & { messages: ThreadPage['items'] };

/** Joins the loaded pages (newest first, each newer than the next) into the thread read top to bottom. */
export const threadOf = (data: { pages: ThreadPage[] }): Thread => {
  const [first] = data.pages;
  const { items: _items, limit: _limit, next: _next, ...about } = first!;
  return { ...about, messages: data.pages.flatMap((p) => p.items).reverse() };
};

/** Loads earlier messages when the thread has more than one page. */
export type Earlier = { more: boolean; loading: boolean; load: () => void };

/**
 * R-MSG-1..3: one private thread (a relationship's or an open invitation's), oldest first, "Seen" under what the
 * partner has read, and a form to write. The newest page comes first; earlier messages load on request above the
 * list. Shared by the relationship and invitation pages.
 */
export function MessageThread({
  thread: t,
  earlier,
  idPrefix,
  onSend,
  sending,
  error,
  closedText,
}: {
  thread: Thread;
  earlier?: Earlier;
  idPrefix: string;
  /** Resolves once sent (the box is then emptied); a failure stays in `error` and keeps the text. */
  onSend: (body: string) => Promise<unknown>;
  sending: boolean;
  error: unknown;
  closedText: string;
}) {
  const [body, setBody] = useState('');
  const boxId = `${idPrefix}-message`;
  return (
    <>
      <p className="usa-hint">Only you and {t.partnerName} can read these messages. Coordinators cannot.</p>
      {earlier?.more && (
        <Button type="button" outline onClick={earlier.load} disabled={earlier.loading}>
          {earlier.loading ? 'Loading earlier messages…' : 'Show earlier messages'}
        </Button>
      )}
      {t.messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ol className="usa-list usa-list--unstyled" aria-label="Messages, oldest first">
          {t.messages.map((m) => (
            <li key={m.id} className="border-bottom-1px border-base-lighter padding-y-1">
              <p className="margin-0 text-bold">
                {m.mine ? 'You' : m.authorName}
                <span className="text-normal text-base"> · {formatDateTime(m.sentAt)}</span>
                {m.mine && m.id > 0 && m.id <= t.partnerReadUpTo && (
                  <span className="text-normal text-base"> · Seen</span>
                )}
              </p>
              <p className="margin-0">
                <PlainText text={m.body} />
              </p>
            </li>
          ))}
        </ol>
      )}
      {t.open ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onSend(body.trim()).then(
              () => setBody(''),
              () => undefined,
            );
          }}
        >
          <ErrorAlert error={error} heading="Your message was not sent" />
          <Field
            id={boxId}
            label={`Write to ${t.partnerName}`}
            hint="Plain text, up to 2,000 characters. Links are fine."
          >
            <Textarea
              id={boxId}
              name="body"
              value={body}
              maxLength={2000}
              onChange={(e) => setBody(e.target.value)}
              aria-describedby={`${boxId}-hint`}
            />
          </Field>
          <Button type="submit" disabled={sending || !body.trim()}>
            Send message
          </Button>
        </form>
      ) : (
        <p>{closedText}</p>
      )}
    </>
  );
}
