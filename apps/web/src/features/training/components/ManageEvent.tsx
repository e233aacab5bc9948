import { useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '../../../lib/api';
import { CancelEvent } from './CancelEvent';
import { EditEventForm } from './EditEventForm';
import { EvaluationSummary } from './EvaluationSummary';

/** Training management on an event's page (coordinator, program manager): change or cancel it, read its evaluations. */
export function ManageEvent({ event }: { event: Schemas['TrainingEvent'] }) {
  const queryClient = useQueryClient();
  // The API answers with the changed event: show it at once and refresh the catalogue and rosters.
  const saved = (e: Schemas['TrainingEvent']) => {
    queryClient.setQueryData(['get', '/api/v1/training/events/{id}', { params: { path: { id: e.id } } }], e);
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/training/events'] });
  };
  return (
    <>
      {!event.cancelledAt && (
        <section aria-labelledby="manage-heading" className="margin-top-4">
          <h2 id="manage-heading">Change this event</h2>
          <EditEventForm key={event.id} event={event} onSaved={saved} />
          <CancelEvent event={event} onCancelled={saved} />
        </section>
      )}
      <EvaluationSummary eventId={event.id} />
    </>
  );
}
