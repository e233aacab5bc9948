import { Button, Form, TextInput } from '@trussworks/react-uswds';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../../../components/ui/Field';
import { AdminNav } from '../components/AdminNav';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, Loading, Success } from '../../../components/ui/States';
import { $api, fieldErrors, type Schemas } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { hasRole, useMe } from '../../../lib/session';

type Value = Schemas['ProgramSettings']['value'];
const LIMITS: { key: Exclude<keyof Value, 'weights'>; label: string; hint: string }[] = [
  { key: 'maxCapacity', label: 'Most mentees per mentor', hint: 'From 1 to 5.' },
  { key: 'maxOpenInvitations', label: 'Most open invitations per mentee', hint: 'From 1 to 3.' },
  { key: 'invitationExpiryDays', label: 'Days before an invitation expires', hint: 'From 1 to 90.' },
  {
    key: 'reportMinGroupSize',
    label: 'Smallest group shown in reports',
    hint: 'Smaller groups are hidden in reports so no one can be identified. From 1 to 50.',
  },
  {
    key: 'terminationMinMonths',
    label: 'Months before a no-fault termination',
    hint: 'The program guide says 3. From 0 to 12.',
  },
];
const WEIGHTS: Record<keyof Value['weights'], string> = {
  needs: 'Development needs the mentor covers',
  goals: 'Goals and the mentor’s experience',
  platform: 'Same platform (peer or senior)',
  geography: 'Location preference',
  communication: 'Ways of meeting',
  capacity: 'Places the mentor has free',
};

/** Program settings: the program manager changes them; anyone else who opens the page reads them. */
export default function Settings() {
  const { me } = useMe();
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
            {settings.data.version === 0
              ? 'These are the program’s starting values; no one has changed them yet.'
              : `Version ${settings.data.version}, last changed ${formatDate(settings.data.updatedAt)}.`}{' '}
            Every change is recorded in the audit log.
          </p>
          {!hasRole(me, 'program_manager') ? (
            <SettingsSummary value={value} />
          ) : (
            <>
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
                  <Field key={k} id={`w-${k}`} label={WEIGHTS[k]} error={errors[`weights/${k}`]}>
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
      )}
    </>
  );
}

/** What someone who is not the program manager sees: the values, and who can change them. */
export function SettingsSummary({ value }: { value: Value }) {
  return (
    <>
      <p>Only the program manager can change these settings.</p>
      <h2>Limits</h2>
      <dl data-testid="settings-summary">
        {LIMITS.map(({ key, label }) => (
          <div key={key}>
            <dt className="text-bold">{label}</dt>
            <dd className="margin-left-0 margin-bottom-1">{value[key]}</dd>
          </div>
        ))}
      </dl>
      <h2>Matching weights</h2>
      <dl>
        {(Object.keys(value.weights) as (keyof Value['weights'])[]).map((k) => (
          <div key={k}>
            <dt className="text-bold">{WEIGHTS[k]}</dt>
            <dd className="margin-left-0 margin-bottom-1">{value.weights[k]}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
