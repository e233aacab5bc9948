import { Button, Form, TextInput, Textarea } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { DateInput } from '../../../components/ui/DateInput';
import { Field } from '../../../components/ui/Field';
import { ErrorAlert, Success } from '../../../components/ui/States';
import { $api, fieldErrors, type Schemas } from '../../../lib/api';

type Event = Schemas['TrainingEvent'];
type Draft = Record<
  'title' | 'description' | 'startsAt' | 'endsAt' | 'location' | 'lmsUrl' | 'capacity',
  string
>;

/** An ISO instant as a datetime-local value in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const draftOf = (e: Event): Draft => ({
  title: e.title,
  description: e.description,
  startsAt: toLocalInput(e.startsAt),
  endsAt: toLocalInput(e.endsAt),
  location: e.location ?? '',
  lmsUrl: e.lmsUrl ?? '',
  capacity: e.capacity === null ? '' : String(e.capacity),
});

/** Training management (staff): change an event; a cleared field is sent as null (more places fill from the waitlist). */
export function EditEventForm({ event, onSaved }: { event: Event; onSaved: (e: Event) => void }) {
  const [d, setD] = useState(() => draftOf(event));
  const save = $api.useMutation('patch', '/api/v1/training/events/{id}', { onSuccess: onSaved });
  const errors = fieldErrors(save.error);
  const text = (v: string) => v.trim() || null;
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({
      params: { path: { id: event.id } },
      body: {
        title: d.title.trim(),
        description: d.description.trim(),
        startsAt: d.startsAt ? new Date(d.startsAt).toISOString() : null,
        endsAt: d.endsAt ? new Date(d.endsAt).toISOString() : null,
        location: text(d.location),
        lmsUrl: text(d.lmsUrl),
        capacity: d.capacity ? Number(d.capacity) : null,
      },
    });
  }
  const input = (
    key: keyof Draft,
    label: string,
    type: 'text' | 'url' | 'number' | 'datetime-local' = 'text',
  ) => (
    <Field id={`edit-${key}`} label={label} error={errors[key]}>
      {type === 'datetime-local' ? (
        <DateInput
          id={`edit-${key}`}
          name={key}
          type="datetime-local"
          value={d[key]}
          onChange={(e) => setD({ ...d, [key]: e.target.value })}
        />
      ) : (
        <TextInput
          id={`edit-${key}`}
          name={key}
          type={type}
          value={d[key]}
          {...(type === 'number' ? { min: 1 } : {})}
          onChange={(e) => setD({ ...d, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <Form onSubmit={submit} large aria-label="Edit training event">
      {save.isSuccess && <Success>The event was changed.</Success>}
      <ErrorAlert error={save.error} heading="The event was not changed" />
      {input('title', 'Title')}
      <Field id="edit-description" label="Description" error={errors.description}>
        <Textarea
          id="edit-description"
          name="description"
          value={d.description}
          maxLength={4000}
          onChange={(e) => setD({ ...d, description: e.target.value })}
        />
      </Field>
      {input('startsAt', 'Starts', 'datetime-local')}
      {input('endsAt', 'Ends', 'datetime-local')}
      {input('location', 'Location or meeting link')}
      {input('lmsUrl', 'LMS link (online courses)', 'url')}
      {input('capacity', 'Places (empty for no limit)', 'number')}
      <Button type="submit" disabled={save.isPending}>
        Save changes
      </Button>
    </Form>
  );
}
