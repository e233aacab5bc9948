import { Button, Form, TextInput } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { describedBy, Field } from '../../../components/ui/Field';
import { AdminNav } from '../components/AdminNav';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, QueryState, Success } from '../../../components/ui/States';
import { fieldErrors, type Schemas } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useProgramSettings } from '../../../lib/reference';
import { hasRole, useMe } from '../../../lib/session';
import { useSaveSettings } from '../api/mutations';

type Value = Schemas['ProgramSettings']['value'];
type Limit = Exclude<keyof Value, 'weights' | Reminder>;
const LIMITS: { key: Limit; label: string; hint: string }[] = [
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
type Reminder = 'nudgeUnmatchedDays' | 'nudgeInvitationDays' | 'nudgeUnconfirmedDays';
/** R-NUDGE-1..3: when each reminder goes out, in days; `field` is the setting's path in the problem's errors. */
const REMINDERS: {
  field: string;
  label: string;
  hint: string;
  get: (v: Value) => number | undefined;
  set: (v: Value, n: number) => Value;
}[] = [
  {
    field: 'nudgeUnmatchedDays/0',
    label: 'First reminder to a mentee who is not matched yet',
    hint: 'Days after they applied. From 1 to 180.',
    get: (v) => v.nudgeUnmatchedDays[0],
    set: (v, n) => ({ ...v, nudgeUnmatchedDays: [n, v.nudgeUnmatchedDays[1] ?? n] }),
  },
  {
    field: 'nudgeUnmatchedDays/1',
    label: 'Second reminder to a mentee who is not matched yet',
    hint: 'Days after they applied, more than the first reminder. From 1 to 180.',
    get: (v) => v.nudgeUnmatchedDays[1],
    set: (v, n) => ({ ...v, nudgeUnmatchedDays: [v.nudgeUnmatchedDays[0] ?? n, n] }),
  },
  {
    field: 'nudgeInvitationDays',
    label: 'Reminder to a mentor who has not answered an invitation',
    hint: 'Days after the invitation was sent, fewer than the days before it expires. From 1 to 89.',
    get: (v) => v.nudgeInvitationDays,
    set: (v, n) => ({ ...v, nudgeInvitationDays: n }),
  },
  {
    field: 'nudgeUnconfirmedDays',
    label: 'Reminder to a mentee who has not confirmed their mentor',
    hint: 'Days after the mentor accepted the invitation. From 1 to 30.',
    get: (v) => v.nudgeUnconfirmedDays,
    set: (v, n) => ({ ...v, nudgeUnconfirmedDays: n }),
  },
];
const reminderId = (field: string) => field.replace('/', '-');

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
  const settings = useProgramSettings();
  const save = useSaveSettings();
  return (
    <>
      <PageHeading>Program settings</PageHeading>
      <AdminNav />
      <QueryState query={settings}>
        {(current) => (
          <>
            <p>
              {current.version === 0
                ? 'These are the program’s starting values; no one has changed them yet.'
                : `Version ${current.version}, last changed ${formatDate(current.updatedAt)}.`}{' '}
              Every change is recorded in the audit log.
            </p>
            {!hasRole(me, 'program_manager') ? (
              <SettingsSummary value={current.value} />
            ) : (
              <>
                {save.isSuccess && <Success>Settings saved.</Success>}
                <ErrorAlert error={save.error} heading="Settings were not saved" />
                {/* Keyed by version: a saved (or newer) version starts the form again from what the API holds. */}
                <SettingsForm
                  key={current.version}
                  initial={current.value}
                  problem={save.error}
                  saving={save.isPending}
                  onSave={(body) => save.mutate({ body })}
                />
              </>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

/** The program manager's form, started from the settings in force. */
function SettingsForm({
  initial,
  problem,
  saving,
  onSave,
}: {
  initial: Value;
  problem: unknown;
  saving: boolean;
  onSave: (value: Value) => void;
}) {
  const [value, setValue] = useState(initial);
  const errors = fieldErrors(problem);
  function submit(e: FormEvent) {
    e.preventDefault();
    onSave(value);
  }
  return (
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
      <h2>Reminders</h2>
      <p>People who turned reminders off do not get them; required notices still reach everyone.</p>
      {REMINDERS.map(({ field, label, hint, get, set }) => (
        <Field key={field} id={reminderId(field)} label={label} hint={hint} error={errors[field]}>
          <TextInput
            id={reminderId(field)}
            name={reminderId(field)}
            type="number"
            inputSize="small"
            value={String(get(value) ?? '')}
            aria-describedby={describedBy(reminderId(field), { hint: true, error: errors[field] })}
            onChange={(e) => setValue(set(value, Number(e.target.value)))}
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
      <Button type="submit" disabled={saving}>
        Save settings
      </Button>
    </Form>
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
      <h2>Reminders</h2>
      <dl data-testid="reminders-summary">
        {REMINDERS.map(({ field, label, get }) => (
          <div key={field}>
            <dt className="text-bold">{label}</dt>
            <dd className="margin-left-0 margin-bottom-1">{`${get(value) ?? ''} days`}</dd>
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
