import { Button, Textarea } from '@trussworks/react-uswds';
import { useState } from 'react';
import { Field } from '../../../components/ui/Field';
import { ErrorAlert, QueryState } from '../../../components/ui/States';
import { $api } from '../../../lib/api';
import { formatWhen, PlainText } from './text';

const path = '/api/v1/relationships/{id}/messages';

/** R-MSG-1..3: the private thread of a relationship (the two partners only). */
export function MessagesPanel({ id }: { id: string }) {
  const thread = $api.useQuery('get', path, { params: { path: { id } } });
  const [body, setBody] = useState('');
  const send = $api.useMutation('post', path, {
    onSuccess: () => {
      setBody('');
      void thread.refetch();
    },
  });
  return (
    <section aria-labelledby={`messages-${id}`} id="messages" className="margin-top-4">
      <h2 id={`messages-${id}`}>Messages</h2>
      <QueryState query={thread}>
        {(t) => (
          <>
            <p className="usa-hint">
              Only you and {t.partnerName} can read these messages. Coordinators cannot.
            </p>
            {t.messages.length === 0 ? (
              <p>No messages yet.</p>
            ) : (
              <ol className="usa-list usa-list--unstyled" aria-label="Messages, oldest first">
                {t.messages.map((m) => (
                  <li key={m.id} className="border-bottom-1px border-base-lighter padding-y-1">
                    <p className="margin-0 text-bold">
                      {m.mine ? 'You' : m.authorName}
                      <span className="text-normal text-base"> · {formatWhen(m.sentAt)}</span>
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
                  send.mutate({ params: { path: { id } }, body: { body } });
                }}
              >
                {send.error && <ErrorAlert error={send.error} heading="Your message was not sent" />}
                <Field
                  id={`message-${id}`}
                  label={`Write to ${t.partnerName}`}
                  hint="Plain text, up to 2,000 characters. Links are fine."
                >
                  <Textarea
                    id={`message-${id}`}
                    name="body"
                    value={body}
                    maxLength={2000}
                    onChange={(e) => setBody(e.target.value)}
                    aria-describedby={`message-${id}-hint`}
                  />
                </Field>
                <Button type="submit" disabled={send.isPending || !body.trim()}>
                  Send message
                </Button>
              </form>
            ) : (
              <p>This conversation is closed: you can read it, but not add to it.</p>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
