import { Fragment } from 'react';

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
