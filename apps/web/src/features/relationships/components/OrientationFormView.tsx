import { Button, Form } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { RadioGroup } from '../../../components/ui/Choices';
import { DateInput } from '../../../components/ui/DateInput';
import { describedBy, Field } from '../../../components/ui/Field';
import { ErrorAlert } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api';
import { formatDate } from '../../../lib/format';

export type OrientationBody = { attendedAt?: string; waived?: boolean; earlierOrientationAt?: string };
type Choice = 'attended' | 'waived';

const pad = (n: number) => String(n).padStart(2, '0');
/** Today in the person's own time zone, as a date field holds it. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
/**
 * A day picked in the form as an instant: noon that day (away from time-zone edges), or now when that noon has not
 * come yet — the API refuses an attendance in the future (R-LIFE-1), and "today" before noon is a real answer.
 */
const onDay = (date: string) => {
  const noon = new Date(`${date}T12:00:00`);
  return new Date(Math.min(noon.getTime(), Date.now())).toISOString();
};

/**
 * R-LIFE-1: the mentee records the orientation for this partnership, or the waiver for one attended within the
 * last 12 months (its date, or — left empty — the attendance the training records hold).
 */
export function OrientationFormView({
  onSubmit,
  pending,
  error,
  lastRecorded,
}: {
  onSubmit: (body: OrientationBody) => void;
  pending: boolean;
  error: unknown;
  /** the last orientation attendance on record, when known */
  lastRecorded?: string | null | undefined;
}) {
  const [choice, setChoice] = useState<Choice>('attended');
  const [date, setDate] = useState(today);
  const [earlier, setEarlier] = useState('');
  const errors = fieldErrors(error);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (choice === 'attended') onSubmit({ attendedAt: onDay(date) });
    else onSubmit({ waived: true, ...(earlier ? { earlierOrientationAt: onDay(earlier) } : {}) });
  }
  const recorded =
    lastRecorded === undefined
      ? ''
      : lastRecorded
        ? ` Your last recorded orientation: ${formatDate(lastRecorded)}.`
        : ' No orientation attendance is on record for you.';
  return (
    <Form onSubmit={submit} aria-label="Record orientation">
      <h3>Record your orientation</h3>
      <ErrorAlert error={error} heading="Orientation was not recorded" />
      <RadioGroup<Choice>
        name="orientation"
        legend="Which applies to you?"
        value={choice}
        onChange={setChoice}
        error={errors.waived}
        options={[
          { value: 'attended', label: 'I attended the orientation for this partnership' },
          {
            value: 'waived',
            label: 'I attended an orientation within the last 12 months',
            description: 'An orientation in the last year counts: you need not attend another.',
          },
        ]}
      />
      {choice === 'attended' ? (
        <Field id="attendedAt" label="Date you attended orientation" error={errors.attendedAt}>
          <DateInput
            id="attendedAt"
            name="attendedAt"
            value={date}
            max={today()}
            onChange={(e) => setDate(e.target.value)}
          />
        </Field>
      ) : (
        <Field
          id="earlierOrientationAt"
          label="Date of that orientation (optional)"
          hint={`Leave it empty to rely on your recorded training attendance.${recorded}`}
          error={errors.earlierOrientationAt}
        >
          <DateInput
            id="earlierOrientationAt"
            name="earlierOrientationAt"
            value={earlier}
            max={today()}
            aria-describedby={describedBy('earlierOrientationAt', {
              hint: true,
              error: errors.earlierOrientationAt,
            })}
            onChange={(e) => setEarlier(e.target.value)}
          />
        </Field>
      )}
      <Button type="submit" outline disabled={pending}>
        Record orientation
      </Button>
    </Form>
  );
}
