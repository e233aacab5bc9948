import { Checkbox } from '@trussworks/react-uswds';
import { FocusOnChange } from '../../../components/ui/FocusOnChange';
import { ErrorAlert } from '../../../components/ui/States';

/** R-NUDGE-4: reminders can be turned off; the program's required notices still come. */
export function ReminderChoice({
  nudgesOff,
  onChange,
  pending,
  error,
  saved,
}: {
  nudgesOff: boolean;
  onChange: (nudgesOff: boolean) => void;
  pending: boolean;
  error: unknown;
  saved: number;
}) {
  return (
    <section aria-labelledby="reminders-heading" className="margin-top-4">
      <h2 id="reminders-heading">Reminders</h2>
      <p>
        We remind you when it is time to plan a meeting with your partner, when an invitation is waiting for
        your answer, and while you are still looking for a mentor.
      </p>
      <ErrorAlert error={error} heading="Your choice was not saved" />
      <Checkbox
        id="nudges-off"
        name="nudgesOff"
        label="Do not send me reminders"
        checked={nudgesOff}
        disabled={pending}
        aria-describedby="nudges-off-hint"
        onChange={(e) => onChange(e.target.checked)}
      />
      <p className="usa-hint" id="nudges-off-hint">
        You will still get the notices the program requires, such as a new invitation, an answer to yours, and
        messages about your mentoring agreement and milestones.
      </p>
      <FocusOnChange signal={saved}>
        <p aria-live="polite" data-testid="reminder-state">
          {nudgesOff ? 'Reminders are off.' : 'Reminders are on.'}
        </p>
      </FocusOnChange>
    </section>
  );
}
