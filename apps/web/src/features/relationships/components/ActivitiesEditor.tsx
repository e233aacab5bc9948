import { Button, Select, TextInput } from '@trussworks/react-uswds';
import { DateInput } from '../../../components/ui/DateInput';
import { Field } from '../../../components/ui/Field';
import type { Activity } from '../api/types';

const KINDS: { value: Activity['kind']; label: string }[] = [
  { value: 'training', label: 'Training' },
  { value: 'detail', label: 'Detail assignment' },
  { value: 'on_the_job', label: 'On-the-job' },
  { value: 'shadowing', label: 'Shadowing' },
  { value: 'reading', label: 'Reading' },
  { value: 'other', label: 'Other' },
];
const STATUSES: { value: Activity['status']; label: string }[] = [
  { value: 'planned', label: 'Planned' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'done', label: 'Done' },
  { value: 'dropped', label: 'Dropped' },
];

/** The IDP's developmental activities, each with a target date and a status. */
export function ActivitiesEditor({
  activities,
  onChange,
  errors,
}: {
  activities: Activity[];
  onChange: (a: Activity[]) => void;
  errors: Record<string, string>;
}) {
  const set = (i: number, patch: Partial<Activity>) =>
    onChange(activities.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <fieldset className="usa-fieldset margin-top-3">
      <legend className="usa-legend usa-legend--large">Developmental activities</legend>
      {activities.length === 0 && <p>No activities yet.</p>}
      {activities.map((a, i) => (
        <div
          key={i}
          className="border-1px border-base-lighter radius-md padding-2 margin-top-1 grid-row grid-gap-sm"
          data-testid="activity"
        >
          <div className="grid-col-12 tablet:grid-col-6">
            <Field
              id={`act-${i}-desc`}
              label={`Activity ${i + 1}`}
              error={errors[`activities/${i}/description`]}
            >
              <TextInput
                id={`act-${i}-desc`}
                name={`act-${i}-desc`}
                type="text"
                value={a.description}
                onChange={(e) => set(i, { description: e.target.value })}
              />
            </Field>
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            <Field id={`act-${i}-kind`} label="Kind">
              <Select
                id={`act-${i}-kind`}
                name={`act-${i}-kind`}
                value={a.kind}
                onChange={(e) => set(i, { kind: e.target.value as Activity['kind'] })}
              >
                {KINDS.map((k) => (
                  <option key={k.value} value={k.value}>
                    {k.label}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            <Field id={`act-${i}-status`} label="Status">
              <Select
                id={`act-${i}-status`}
                name={`act-${i}-status`}
                value={a.status}
                onChange={(e) => set(i, { status: e.target.value as Activity['status'] })}
              >
                {STATUSES.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className="grid-col-12 tablet:grid-col-6">
            <Field id={`act-${i}-date`} label="Target date" error={errors[`activities/${i}/targetDate`]}>
              <DateInput
                id={`act-${i}-date`}
                name={`act-${i}-date`}
                value={a.targetDate}
                onChange={(e) => set(i, { targetDate: e.target.value })}
              />
            </Field>
          </div>
          <div className="grid-col-12">
            <Button type="button" unstyled onClick={() => onChange(activities.filter((_, j) => j !== i))}>
              Remove activity {i + 1}
            </Button>
          </div>
        </div>
      ))}
      {activities.length < 40 && (
        <Button
          type="button"
          outline
          className="margin-top-2"
          onClick={() =>
            onChange([
              ...activities,
              {
                kind: 'training',
                description: '',
                targetDate: new Date(Date.now() + 90 * 864e5).toISOString().slice(0, 10),
                status: 'planned',
              },
            ])
          }
        >
          Add an activity
        </Button>
      )}
    </fieldset>
  );
}
