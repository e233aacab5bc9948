import { ConfirmStep } from '../../../components/ui/ConfirmStep';
import { ErrorAlert } from '../../../components/ui/States';
import type { Schemas } from '../../../lib/api';
import { useCancelEvent } from '../api/mutations';

/** Training management (staff): cancel an event after a confirmation; the API notifies everyone registered or waiting. */
export function CancelEvent({
  event,
  onCancelled,
}: {
  event: Schemas['TrainingEvent'];
  onCancelled?: (e: Schemas['TrainingEvent']) => void;
}) {
  const cancel = useCancelEvent(onCancelled);
  const people = event.registered + event.waitlisted;
  return (
    <div className="margin-top-3">
      <ErrorAlert error={cancel.error} heading="The event was not cancelled" />
      <ConfirmStep
        trigger="Cancel this event"
        question={`Cancel “${event.title}”? ${people === 1 ? '1 person' : `${people} people`} registered or waiting will be told. This cannot be undone.`}
        confirm="Yes, cancel the event"
        back="Keep the event"
        pending={cancel.isPending}
        onConfirm={() => cancel.mutate({ params: { path: { id: event.id } } })}
      />
    </div>
  );
}
