import { Button, Form, Select, TextInput } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { describedBy, Field } from '../../../components/ui/Field';
import { ErrorAlert } from '../../../components/ui/States';
import { fieldErrors, type Schemas } from '../../../lib/api';

export type GrantBody = { employeeId: string; opdiv: string } | { email: string; opdiv: string };

/**
 * Grant the coordinator role to a person named by work email or employee id (anything with an "@" is an email).
 * The API refuses with a sentence when the person has no account yet (R-ACC-1); it is shown above the form.
 */
export function GrantCoordinatorForm({
  opdivs,
  submitting,
  error,
  onSubmit,
}: {
  opdivs: Schemas['Opdiv'][];
  submitting: boolean;
  error: unknown;
  onSubmit: (body: GrantBody, reset: () => void) => void;
}) {
  const [person, setPerson] = useState('');
  const [opdiv, setOpdiv] = useState('');
  const [missing, setMissing] = useState<{ person?: string; opdiv?: string }>({});
  const errors = fieldErrors(error);
  const personError = missing.person ?? errors.email ?? errors.employeeId;
  const opdivError = missing.opdiv ?? errors.opdiv;

  function submit(e: FormEvent) {
    e.preventDefault();
    const who = person.trim();
    const next = {
      ...(who ? {} : { person: 'Enter a work email or an employee id.' }),
      ...(opdiv ? {} : { opdiv: 'Choose the division they will coordinate.' }),
    };
    setMissing(next);
    if (next.person || next.opdiv) return;
    const body = who.includes('@') ? { email: who, opdiv } : { employeeId: who, opdiv };
    onSubmit(body, () => {
      setPerson('');
      setOpdiv('');
    });
  }
  return (
    <section aria-labelledby="grant-heading">
      <h2 id="grant-heading">Name a coordinator</h2>
      <ErrorAlert error={error} heading="The role was not granted" />
      <Form onSubmit={submit} large aria-label="Name a coordinator">
        <Field
          id="grant-person"
          label="Work email or employee id"
          hint="The person must have signed in to the Mentoring Matching System once."
          error={personError}
        >
          <TextInput
            id="grant-person"
            name="person"
            type="text"
            value={person}
            validationStatus={personError ? 'error' : undefined}
            aria-describedby={describedBy('grant-person', { hint: true, error: personError })}
            onChange={(e) => setPerson(e.target.value)}
          />
        </Field>
        <Field id="grant-opdiv" label="Division they coordinate" error={opdivError}>
          <Select
            id="grant-opdiv"
            name="opdiv"
            value={opdiv}
            validationStatus={opdivError ? 'error' : undefined}
            aria-describedby={describedBy('grant-opdiv', { error: opdivError })}
            onChange={(e) => setOpdiv(e.target.value)}
          >
            <option value="">- Select -</option>
            {opdivs.map((o) => (
              <option key={o.code} value={o.code}>
                {o.code} — {o.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={submitting} className="margin-top-3">
          {submitting ? 'Granting…' : 'Grant the coordinator role'}
        </Button>
      </Form>
    </section>
  );
}
