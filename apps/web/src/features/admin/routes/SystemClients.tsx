import { Alert, Button, Form, TextInput } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { CheckboxGroup } from '../../../components/ui/Choices';
import { DataTable } from '../../../components/ui/DataTable';
import { Field } from '../../../components/ui/Field';
import { AdminNav } from '../components/AdminNav';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, QueryState } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useSystemClientActions } from '../api/mutations';
import { useSystemClients } from '../api/queries';

type Scope = 'directory:write' | 'training:write' | 'reports:read';
const SCOPES: { value: Scope; label: string }[] = [
  { value: 'directory:write', label: 'directory:write — HR feed of employees' },
  { value: 'training:write', label: 'training:write — LMS completions' },
  { value: 'reports:read', label: 'reports:read — reporting systems' },
];

/** Other HHS systems' credentials (R-API-2): the secret is shown once, right after creation. */
export default function SystemClients() {
  const list = useSystemClients();
  const { create, revoke } = useSystemClientActions();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const errors = fieldErrors(create.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { body: { name: name.trim(), scopes } },
      {
        onSuccess: () => {
          setName('');
          setScopes([]);
        },
      },
    );
  }
  return (
    <>
      <PageHeading>System clients</PageHeading>
      <AdminNav />
      {create.data && (
        <Alert type="warning" headingLevel="h2" heading="Copy the secret now" role="alert">
          <p>
            Client id: <code>{create.data.id}</code>
          </p>
          <p>
            Secret: <code data-testid="client-secret">{create.data.clientSecret}</code>
          </p>
          <p>It will not be shown again. Store it in the calling system’s vault.</p>
        </Alert>
      )}
      <ErrorAlert error={create.error ?? revoke.error} />
      <Form onSubmit={submit} large aria-label="New system client">
        <h2>New client</h2>
        <Field id="client-name" label="Name" hint='e.g. "HHS HR Connect feed"' error={errors.name} required>
          <TextInput
            id="client-name"
            name="name"
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-describedby="client-name-hint"
          />
        </Field>
        <CheckboxGroup
          name="scopes"
          legend="Scopes"
          options={SCOPES}
          value={scopes}
          onChange={setScopes}
          error={errors.scopes}
        />
        <Button type="submit" disabled={create.isPending}>
          Create client
        </Button>
      </Form>
      <h2>Clients</h2>
      <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty="No system clients yet.">
        {(data) => (
          <DataTable columns={['Name', 'Scopes', 'Created', 'Last token', 'Status']}>
            {data.items.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td>{c.scopes.join(', ')}</td>
                <td>{formatDate(c.createdAt)}</td>
                <td>{formatDate(c.lastTokenAt)}</td>
                <td>
                  {c.revokedAt ? (
                    `Revoked ${formatDate(c.revokedAt)}`
                  ) : (
                    <Button
                      type="button"
                      secondary
                      onClick={() => revoke.mutate({ params: { path: { id: c.id } } })}
                    >
                      Revoke {c.name}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryState>
    </>
  );
}
