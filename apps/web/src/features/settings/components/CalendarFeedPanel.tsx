import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useState } from 'react';
import { ConfirmStep } from '../../../components/ui/ConfirmStep';
import { FocusOnChange } from '../../../components/ui/FocusOnChange';
import { ErrorAlert } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';

export type Feed = { active: boolean; createdAt: string | null; url: string | null };

/**
 * R-MEET-4: the personal read-only calendar feed. The address is a secret shown once, when it is made (the API keeps
 * only its hash); a new one replaces it, and turning it off stops it at once.
 */
export function CalendarFeedPanel({
  feed,
  onRenew,
  onRevoke,
  pending,
  error,
  changed,
}: {
  feed: Feed;
  /** Counts the changes made here: each moves focus to the feed's new state. */
  changed: number;
  onRenew: () => void;
  onRevoke: () => void;
  pending: boolean;
  error: unknown;
}) {
  const [copied, setCopied] = useState(false);
  async function copy(url: string) {
    await navigator.clipboard.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }
  return (
    <section aria-labelledby="feed-heading">
      <h2 id="feed-heading">Your meetings in your calendar app</h2>
      <p>
        Outlook, Google Calendar and Apple Calendar can subscribe to a private address that lists your
        mentoring meetings and the training you registered for. It only reads: nothing in your calendar
        changes the program.
      </p>
      <ErrorAlert error={error} heading="Your calendar feed did not change" />
      <FocusOnChange signal={changed}>
        <div aria-live="polite" data-testid="feed-state">
          {feed.url ? (
            <>
              <label className="usa-label" htmlFor="feed-url">
                Your calendar address
              </label>
              <div className="usa-hint" id="feed-url-hint">
                Copy it now: for your safety it is shown only once. Anyone with it can see your meeting times,
                so do not share it.
              </div>
              <input
                id="feed-url"
                className="usa-input"
                type="text"
                readOnly
                value={feed.url}
                aria-describedby="feed-url-hint"
                onFocus={(e) => e.currentTarget.select()}
              />
              <Button type="button" outline className="margin-top-1" onClick={() => void copy(feed.url!)}>
                Copy the address
              </Button>
              {copied && <p role="status">Copied.</p>}
            </>
          ) : feed.active ? (
            <p>
              Your calendar feed is on since {formatDate(feed.createdAt)}. If you no longer have its address,
              make a new one: the old address then stops working.
            </p>
          ) : (
            <p>You have no calendar feed.</p>
          )}
        </div>
      </FocusOnChange>
      <ButtonGroup className="margin-top-2">
        <Button type="button" disabled={pending} onClick={() => onRenew()}>
          {feed.active ? 'Make a new address' : 'Make my calendar address'}
        </Button>
        {feed.active && (
          <ConfirmStep
            trigger="Turn the feed off"
            triggerStyle="outline"
            question="Turn the calendar feed off? Your calendar app will stop showing your mentoring meetings."
            confirm="Yes, turn it off"
            back="Keep the feed"
            pending={pending}
            onConfirm={onRevoke}
          />
        )}
      </ButtonGroup>
    </section>
  );
}
