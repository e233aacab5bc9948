import { Button, Form, TextInput } from '@trussworks/react-uswds';
import { useState, type FormEvent, type ReactNode } from 'react';
import { DateInput } from '../../../components/ui/DateInput';
import { Field } from '../../../components/ui/Field';
import { TextareaField } from '../../../components/ui/TextareaField';
import { fieldErrors, type Schemas } from '../../../lib/api';

type Event = Schemas['TrainingEvent'];
/** The event's fields as typed: dates as datetime-local values, places as text ('' for no limit). */
export type EventDraft = Record<
  'title' | 'description' | 'startsAt' | 'endsAt' | 'location' | 'lmsUrl' | 'capacity',
  string
>;

export const EMPTY_EVENT: EventDraft = {
  title: '',
  description: '',
  startsAt: '',
  endsAt: '',
  location: '',
  lmsUrl: '',
  capacity: '',
};

/** An ISO instant as a datetime-local value in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (the browser's time zone) as an ISO instant. */
export const toInstant = (local: string) => new Date(local).toISOString();

export const draftOf = (e: Event): EventDraft => ({
  title: e.title,
  description: e.description,
  startsAt: toLocalInput(e.startsAt),
  endsAt: toLocalInput(e.endsAt),
  location: e.location ?? '',
  lmsUrl: e.lmsUrl ?? '',
  capacity: e.capacity === null ? '' : String(e.capacity),
});

const FIELDS: { key: keyof EventDraft; label: string; type: 'text' | 'url' | 'number' | 'datetime-local' }[] =
  [
    { key: 'startsAt', label: 'Starts', type: 'datetime-local' },
    { key: 'endsAt', label: 'Ends', type: 'datetime-local' },
    { key: 'location', label: 'Location or meeting link', type: 'text' },
    { key: 'lmsUrl', label: 'LMS link (online courses)', type: 'url' },
    { key: 'capacity', label: 'Places (empty for no limit)', type: 'number' },
  ];

/**
 * The fields of a training event, shared by adding one and changing one: started from `initial` (key the form by
 * the record to start again), field errors from the API's problem beside each field. `before` goes first (the
 * messages, or the kind of a new event).
 */
export function EventForm({
  idPrefix,
  label,
  initial,
  problem,
  pending,
  submitLabel,
  before,
  onSubmit,
}: {
  idPrefix: string;
  label: string;
  initial: EventDraft;
  problem: unknown;
  pending: boolean;
  submitLabel: string;
  before?: ReactNode;
  onSubmit: (draft: EventDraft) => void;
}) {
  const [d, setD] = useState(initial);
  const errors = fieldErrors(problem);
  const id = (key: keyof EventDraft) => `${idPrefix}-${key}`;
  const set = (key: keyof EventDraft) => (e: { target: { value: string } }) =>
    setD({ ...d, [key]: e.target.value });
  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit(d);
  }
  return (
    <Form onSubmit={submit} large aria-label={label}>
      {before}
      <Field id={id('title')} label="Title" error={errors.title}>
        <TextInput id={id('title')} name="title" type="text" value={d.title} onChange={set('title')} />
      </Field>
      <TextareaField
        id={id('description')}
        name="description"
        label="Description"
        error={errors.description}
        value={d.description}
        onChange={(description) => setD({ ...d, description })}
      />
      {FIELDS.map(({ key, label, type }) => (
        <Field key={key} id={id(key)} label={label} error={errors[key]}>
          {type === 'datetime-local' ? (
            <DateInput id={id(key)} name={key} type="datetime-local" value={d[key]} onChange={set(key)} />
          ) : (
            <TextInput
              id={id(key)}
              name={key}
              type={type}
              value={d[key]}
              {...(type === 'number' ? { min: 1 } : {})}
              onChange={set(key)}
            />
          )}
        </Field>
      ))}
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </Form>
  );
}
