import { Button, Form } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../../components/ui/DataTable';
import { ErrorAlert, Success } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useSaveSupervisorInput } from '../api/mutations';
import type { Idp } from '../api/types';
import { TextareaField } from '../../../components/ui/TextareaField';

const KIND: Record<string, string> = {
  training: 'Training',
  detail: 'Detail assignment',
  on_the_job: 'On-the-job',
  shadowing: 'Shadowing',
  reading: 'Reading',
  other: 'Other',
};

/** The supervisor's view of a shared IDP: read it, add input. */
export function SupervisorInput({ id, idp }: { id: string; idp: Idp }) {
  const [input, setInput] = useState(idp.supervisorInput ?? '');
  const save = useSaveSupervisorInput(id);
  const errors = fieldErrors(save.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ params: { path: { id } }, body: { input: input.trim(), version: idp.version } });
  }
  return (
    <>
      <p>Shared with you on {formatDate(idp.sharedWithSupervisorAt)}.</p>
      <h2>Strengths</h2>
      <p>{idp.strengths || '—'}</p>
      <h2>Objectives</h2>
      {idp.objectives.length ? (
        <ul className="usa-list">
          {idp.objectives.map((o) => (
            <li key={o.text}>{o.text}</li>
          ))}
        </ul>
      ) : (
        <p>None yet.</p>
      )}
      <h2>Activities</h2>
      <DataTable columns={['Activity', 'Kind', 'Target date', 'Status']}>
        {idp.activities.map((a, i) => (
          <tr key={i}>
            <th scope="row">{a.description}</th>
            <td>{KIND[a.kind] ?? a.kind}</td>
            <td>{formatDate(a.targetDate)}</td>
            <td>{a.status.replace('_', ' ')}</td>
          </tr>
        ))}
      </DataTable>
      {save.isSuccess && <Success>Your input was saved.</Success>}
      <ErrorAlert error={save.error} heading="Your input was not saved" />
      <Form onSubmit={submit} large aria-label="Supervisor input">
        <TextareaField
          id="supervisor-input"
          label="Your input as supervisor"
          error={errors.input}
          name="input"
          value={input}
          maxLength={4000}
          onChange={(text) => setInput(text)}
        />
        <Button type="submit" disabled={save.isPending}>
          Save input
        </Button>
      </Form>
    </>
  );
}
