import type { Schemas } from '../../../lib/api';
import { CancelEvent } from './CancelEvent';
import { EditEventForm } from './EditEventForm';
import { EvaluationSummary } from './EvaluationSummary';

/** Training management on an event's page (coordinator, program manager): change or cancel it, read its evaluations. */
export function ManageEvent({ event }: { event: Schemas['TrainingEvent'] }) {
  return (
    <>
      {!event.cancelledAt && (
        <section aria-labelledby="manage-heading" className="margin-top-4">
          <h2 id="manage-heading">Change this event</h2>
          <EditEventForm key={event.id} event={event} />
          <CancelEvent event={event} />
        </section>
      )}
      <EvaluationSummary eventId={event.id} />
    </>
  );
}
