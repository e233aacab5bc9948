import { Button, Form, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { DateInput } from '../../../components/ui/DateInput';
import { Field } from '../../../components/ui/Field';
import { ErrorAlert, Success } from '../../../components/ui/States';
import { $api, fieldErrors } from '../../../lib/api';
import { KINDS } from './labels';

type Kind = 'orientation_online' | 'orientation_instructor' | 'lunch_and_learn' | 'online_course';
const empty = {
  kind: 'lunch_and_learn' as Kind,
  title: '',
  description: '',
  startsAt: '',
  endsAt: '',
  location: '',
  lmsUrl: '',
  capacity: '',
};

/** Training management (staff): add an event to the catalogue. */
export function NewEventForm() {
  const queryClient = useQueryClient();
  const [d, setD] = useState(empty);
  const create = $api.useMutation('post', '/api/v1/training/events', {
    onSuccess: () => {
      setD(empty);
      void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/training/events'] });
    },
  });
  const errors = fieldErrors(create.error);
  const iso = (v: string) => (v ? new Date(v).toISOString() : undefined);
  function submit(e: FormEvent) {
    e.preventDefault();
    const body = {
      kind: d.kind,
      title: d.title.trim(),
      description: d.description.trim(),
      ...(d.startsAt ? { startsAt: iso(d.startsAt) } : {}),
      ...(d.endsAt ? { endsAt: iso(d.endsAt) } : {}),
      ...(d.location.trim() ? { location: d.location.trim() } : {}),
      ...(d.lmsUrl.trim() ? { lmsUrl: d.lmsUrl.trim() } : {}),
      ...(d.capacity ? { capacity: Number(d.capacity) } : {}),
    };
    create.mutate({ body: body as never });
  }
  const input = (key: keyof typeof empty, label: string, type = 'text') => (
    <Field id={`ev-${key}`} label={label} error={errors[key]}>
      {type === 'datetime-local' ? (
        <DateInput
          id={`ev-${key}`}
          name={key}
          type="datetime-local"
          value={d[key]}
          onChange={(e) => setD({ ...d, [key]: e.target.value })}
        />
      ) : (
        <TextInput
          id={`ev-${key}`}
          name={key}
          type={type as 'text'}
          value={d[key]}
          onChange={(e) => setD({ ...d, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <section aria-labelledby="new-event" className="margin-top-5">
      <h2 id="new-event">Add a training event</h2>
      {create.isSuccess && <Success>The event was added.</Success>}
      <ErrorAlert error={create.error} heading="The event was not added" />
      <Form onSubmit={submit} large aria-label="New training event">
        <Field id="ev-kind" label="Kind">
          <Select
            id="ev-kind"
            name="kind"
            value={d.kind}
            onChange={(e) => setD({ ...d, kind: e.target.value as Kind })}
          >
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </Select>
        </Field>
        {input('title', 'Title')}
        <Field id="ev-description" label="Description" error={errors.description}>
          <Textarea
            id="ev-description"
            name="description"
            value={d.description}
            onChange={(e) => setD({ ...d, description: e.target.value })}
          />
        </Field>
        {input('startsAt', 'Starts', 'datetime-local')}
        {input('endsAt', 'Ends', 'datetime-local')}
        {input('location', 'Location or meeting link')}
        {input('lmsUrl', 'LMS link (online courses)', 'url')}
        {input('capacity', 'Places (empty for no limit)', 'number')}
        <Button type="submit" disabled={create.isPending}>
          Add event
        </Button>
      </Form>
    </section>
  );
}
