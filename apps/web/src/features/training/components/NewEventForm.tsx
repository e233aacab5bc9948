import { Select } from '@trussworks/react-uswds';
import { useState } from 'react';
import { Field } from '../../../components/ui/Field';
import { ErrorAlert, Success } from '../../../components/ui/States';
import { useAddEvent } from '../api/mutations';
import { EMPTY_EVENT, EventForm, toInstant, type EventDraft } from './EventForm';
import { isKind, KINDS, type Kind } from './labels';

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
        before={
          <Field id="ev-kind" label="Kind">
            <Select
              id="ev-kind"
              name="kind"
              value={kind}
              onChange={(e) => isKind(e.target.value) && setKind(e.target.value)}
            >
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </Select>
          </Field>
        }
      />
    </section>
  );
}
