import { Button, Form } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { DateInput } from '../../../components/ui/DateInput';
import { Field } from '../../../components/ui/Field';
import { ErrorAlert } from '../../../components/ui/States';
import { $api, fieldErrors } from '../../../lib/api';
import { useRelationshipUpdate } from './useRelationshipUpdate';

/** R-LIFE-1: the mentee records the orientation they attended (or the API waives it for a recent one). */
export function OrientationForm({ relationshipId }: { relationshipId: string }) {
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const record = $api.useMutation('post', '/api/v1/relationships/{id}/orientation', {
    onSuccess: useRelationshipUpdate(relationshipId),
  });
  const errors = fieldErrors(record.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    record.mutate({
      params: { path: { id: relationshipId } },
      body: { attendedAt: new Date(`${date}T12:00:00`).toISOString() },
    });
  }
  return (
    <Form onSubmit={submit} aria-label="Record orientation">
      <h3>Record your orientation</h3>
      <ErrorAlert error={record.error} heading="Orientation was not recorded" />
      <Field id="attendedAt" label="Date you attended orientation" error={errors.attendedAt}>
        <DateInput id="attendedAt" name="attendedAt" value={date} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <Button type="submit" outline disabled={record.isPending}>
        Record orientation
      </Button>
    </Form>
  );
}
