import { Fragment } from 'react';

/** "March 4, 2027 at 10:00 AM EST", in the time zone given (the meeting's) or the reader's. */
export function formatWhen(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  const opts = timeZone ? { timeZone } : {};
  const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', ...opts }).format(d);
  const time = new Intl.DateTimeFormat('en-US', {
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...opts,
  }).format(d);
  return `${date} at ${time}`;
}

export function formatLongDate(iso: string | null): string {
  return iso ? new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(new Date(iso)) : 'none yet';
}

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/**
 * R-MSG-2: a message as plain text. React escapes every character; only http(s) addresses become links, and
 * nothing is read as HTML or Markdown.
 */
export function PlainText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} rel="noopener noreferrer nofollow" target="_blank">
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </span>
  );
}
