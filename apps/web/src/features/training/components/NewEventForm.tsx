import { useState } from 'react';
import { ErrorAlert, Success } from '../../../components/ui/States';
import { useAddEvent } from '../api/mutations';
import { EMPTY_EVENT, EventForm, toInstant, type EventDraft } from './EventForm';
import { KindSelect } from './KindSelect';
import type { Kind } from './labels';

/** Training management (staff): add an event to the catalogue; a blank field is left out. */
export function NewEventForm() {
  const [kind, setKind] = useState<Kind>('lunch_and_learn');
  // Each event added starts an empty form (a new key), rather than clearing the old one's state.
  const [added, setAdded] = useState(0);
  const create = useAddEvent(() => setAdded((n) => n + 1));
  function submit(d: EventDraft) {
    create.mutate({
      body: {
        kind,
        title: d.title.trim(),
        description: d.description.trim(),
        ...(d.startsAt ? { startsAt: toInstant(d.startsAt) } : {}),
        ...(d.endsAt ? { endsAt: toInstant(d.endsAt) } : {}),
        ...(d.location.trim() ? { location: d.location.trim() } : {}),
        ...(d.lmsUrl.trim() ? { lmsUrl: d.lmsUrl.trim() } : {}),
        ...(d.capacity ? { capacity: Number(d.capacity) } : {}),
      },
    });
  }
  return (
    <section aria-labelledby="new-event" className="margin-top-5">
      <h2 id="new-event">Add a training event</h2>
      {create.isSuccess && <Success>The event was added.</Success>}
      <ErrorAlert error={create.error} heading="The event was not added" />
      <EventForm
        key={added}
        idPrefix="ev"
        label="New training event"
        initial={EMPTY_EVENT}
        problem={create.error}
        pending={create.isPending}
        submitLabel="Add event"
        onSubmit={submit}
        before={<KindSelect id="ev-kind" label="Kind" value={kind} onChange={(k) => k && setKind(k)} />}
      />
    </section>
  );
}
