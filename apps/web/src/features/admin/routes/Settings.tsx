import { Button, Form, TextInput } from '@trussworks/react-uswds';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../../../components/ui/Field';
import { AdminNav } from '../components/AdminNav';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, Loading, Success } from '../../../components/ui/States';
import { $api, fieldErrors, type Schemas } from '../../../lib/api';
import { formatDate } from '../../../lib/format';

type Value = Schemas['ProgramSettings']['value'];
const LIMITS: { key: Exclude<keyof Value, 'weights'>; label: string; hint: string }[] = [
  { key: 'maxCapacity', label: 'Most mentees per mentor', hint: 'R-CAP-1, 1 to 5' },
  { key: 'maxOpenInvitations', label: 'Most open invitations per mentee', hint: 'R-CAP-3, 1 to 3' },
  { key: 'invitationExpiryDays', label: 'Days before an invitation expires', hint: '1 to 90' },
  {
    key: 'reportMinGroupSize',
    label: 'Smallest group shown in reports',
    hint: 'R-ADMIN-2 small-group suppression',
  },
  { key: 'terminationMinMonths', label: 'Months before a no-fault termination', hint: 'The guide says 3' },
];

/** Program settings (program manager): limits and the scorer's weights (R-MATCH-1). */
export default function Settings() {
  const settings = $api.useQuery('get', '/api/v1/settings');
  const queryClient = useQueryClient();
  const save = $api.useMutation('put', '/api/v1/settings', {
    onSuccess: (data) => queryClient.setQueryData(['get', '/api/v1/settings'], data),
  });
  const [value, setValue] = useState<Value | null>(null);
  useEffect(() => {
    if (settings.data) setValue(settings.data.value);
  }, [settings.data]);
  const errors = fieldErrors(save.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (value) save.mutate({ body: value });
  }
  return (
    <>
      <PageHeading>Program settings</PageHeading>
      <AdminNav />
      {settings.error ? (
        <ErrorAlert error={settings.error} heading="Settings could not be loaded" />
      ) : !value || !settings.data ? (
        <Loading />
      ) : (
        <>
          <p>
            Version {settings.data.version}, changed {formatDate(settings.data.updatedAt)}. Every change is
            audited.
          </p>
          {save.isSuccess && <Success>Settings saved.</Success>}
          <ErrorAlert error={save.error} heading="Settings were not saved" />
          <Form onSubmit={submit} large>
            <h2>Limits</h2>
            {LIMITS.map(({ key, label, hint }) => (
              <Field key={key} id={key} label={label} hint={hint} error={errors[key]}>
                <TextInput
                  id={key}
                  name={key}
                  type="number"
                  inputSize="small"
                  value={String(value[key])}
                  aria-describedby={`${key}-hint`}
                  onChange={(e) => setValue({ ...value, [key]: Number(e.target.value) })}
                />
              </Field>
            ))}
            <h2>Matching weights</h2>
            {(Object.keys(value.weights) as (keyof Value['weights'])[]).map((k) => (
              <Field key={k} id={`w-${k}`} label={`Weight: ${k}`} error={errors[`weights/${k}`]}>
                <TextInput
                  id={`w-${k}`}
                  name={k}
                  type="number"
                  inputSize="small"
                  value={String(value.weights[k])}
                  onChange={(e) =>
                    setValue({ ...value, weights: { ...value.weights, [k]: Number(e.target.value) } })
                  }
                />
              </Field>
            ))}
            <Button type="submit" disabled={save.isPending}>
              Save settings
            </Button>
          </Form>
        </>
      )}
    </>
  );
}
