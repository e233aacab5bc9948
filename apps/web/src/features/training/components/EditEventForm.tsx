import { ErrorAlert, Success } from '../../../components/ui/States';
import type { Schemas } from '../../../lib/api';
import { useChangeEvent } from '../api/mutations';
import { draftOf, EventForm, toInstant, type EventDraft } from './EventForm';

type Event = Schemas['TrainingEvent'];

/**
 * Training management (staff): change an event; a cleared field is sent as null (more places fill from the
 * waitlist). The form starts from `event`: its parent keys it by the event.
 */
export function EditEventForm({ event, onSaved }: { event: Event; onSaved?: (e: Event) => void }) {
  const save = useChangeEvent(onSaved);
  const text = (v: string) => v.trim() || null;
  function submit(d: EventDraft) {
    save.mutate({
      params: { path: { id: event.id } },
      body: {
        title: d.title.trim(),
        description: d.description.trim(),
        startsAt: d.startsAt ? toInstant(d.startsAt) : null,
        endsAt: d.endsAt ? toInstant(d.endsAt) : null,
        location: text(d.location),
        lmsUrl: text(d.lmsUrl),
        capacity: d.capacity ? Number(d.capacity) : null,
      },
    });
  }
  return (
    <EventForm
      idPrefix="edit"
      label="Edit training event"
      initial={draftOf(event)}
      problem={save.error}
      pending={save.isPending}
      submitLabel="Save changes"
      onSubmit={submit}
      before={
        <>
          {save.isSuccess && <Success>The event was changed.</Success>}
          <ErrorAlert error={save.error} heading="The event was not changed" />
        </>
      }
    />
  );
}
