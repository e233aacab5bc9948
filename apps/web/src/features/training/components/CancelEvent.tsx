import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/States';
import { $api, type Schemas } from '../../../lib/api';

/** Training management (staff): cancel an event after a confirmation; the API notifies everyone registered or waiting. */
export function CancelEvent({
  event,
  onCancelled,
}: {
  event: Schemas['TrainingEvent'];
  onCancelled: (e: Schemas['TrainingEvent']) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const cancel = $api.useMutation('post', '/api/v1/training/events/{id}/cancel', { onSuccess: onCancelled });
  const people = event.registered + event.waitlisted;
  return (
    <div className="margin-top-3">
      <ErrorAlert error={cancel.error} heading="The event was not cancelled" />
      {confirming ? (
        <div role="group" aria-labelledby="cancel-event-question">
          <p id="cancel-event-question" className="text-bold">
            Cancel “{event.title}”? {people === 1 ? '1 person' : `${people} people`} registered or waiting
            will be told. This cannot be undone.
          </p>
          <ButtonGroup>
            <Button
              type="button"
              secondary
              disabled={cancel.isPending}
              onClick={() => cancel.mutate({ params: { path: { id: event.id } } })}
            >
              Yes, cancel the event
            </Button>
            <Button type="button" outline onClick={() => setConfirming(false)}>
              Keep the event
            </Button>
          </ButtonGroup>
        </div>
      ) : (
        <Button type="button" secondary onClick={() => setConfirming(true)}>
          Cancel this event
        </Button>
      )}
    </div>
  );
}
