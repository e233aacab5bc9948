import { useState } from 'react';
import { PageHeading } from '../../../components/ui/PageHeading';
import { QueryState } from '../../../components/ui/States';
import {
  useCalendarFeed,
  useCalendarFeedChanges,
  useReminderChoice,
  useSetReminderChoice,
} from '../api/queries';
import { CalendarFeedPanel } from '../components/CalendarFeedPanel';
import { ReminderChoice } from '../components/ReminderChoice';

/** Calendar and reminders: the personal calendar feed (R-MEET-4) and turning reminders off (R-NUDGE-4). */
export default function CalendarAndReminders() {
  const feed = useCalendarFeed();
  const { renew, revoke } = useCalendarFeedChanges();
  const prefs = useReminderChoice();
  const setChoice = useSetReminderChoice();
  const [saved, setSaved] = useState(0);
  const [changed, setChanged] = useState(0);
  const onFeedChanged = { onSuccess: () => setChanged((n) => n + 1) };
  return (
    <>
      <PageHeading>Calendar and reminders</PageHeading>
      <QueryState query={feed}>
        {(f) => (
          <CalendarFeedPanel
            feed={f}
            onRenew={() => renew.mutate({}, onFeedChanged)}
            onRevoke={() => revoke.mutate({}, onFeedChanged)}
            changed={changed}
            pending={renew.isPending || revoke.isPending}
            error={renew.error ?? revoke.error}
          />
        )}
      </QueryState>
      <QueryState query={prefs}>
        {(p) => (
          <ReminderChoice
            nudgesOff={p.nudgesOff}
            pending={setChoice.isPending}
            error={setChoice.error}
            saved={saved}
            onChange={(nudgesOff) =>
              setChoice.mutate({ body: { nudgesOff } }, { onSuccess: () => setSaved((n) => n + 1) })
            }
          />
        )}
      </QueryState>
    </>
  );
}
