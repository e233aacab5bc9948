import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert, QueryState, Success } from '../../../components/ui/States';
import { useMeetingMutations } from '../api/mutations';
import { useMeetingPages } from '../api/queries';
import { CadenceSummary } from './CadenceSummary';
import { MeetingItem } from './MeetingItem';
import { MeetingTimeFields, useMeetingTime, type Mode } from './MeetingTimeFields';
import { MeetingNoteFields, type MeetingNotes } from './MeetingNoteFields';

type Role = 'mentor' | 'mentee' | null;

/**
 * R-MEET-1..6: the rhythm first, then the meetings with their answers (latest first, earlier ones on request), then
 * forms to propose or record one.
 */
export function MeetingsPanel({
  relationshipId,
  myRole,
  canChange,
}: {
  relationshipId: string;
  myRole: Role;
  canChange: boolean;
}) {
  const list = useMeetingPages(relationshipId);
  const { answer, record } = useMeetingMutations(relationshipId);
  return (
    <section aria-labelledby="meetings-heading" id="meetings" className="margin-top-4">
      <h2 id="meetings-heading">Meetings</h2>
      <QueryState query={list}>
        {(data) => (
          <>
            <CadenceSummary summary={data.summary} />
            <ErrorAlert error={answer.error} heading="The meeting did not change" />
            <ErrorAlert error={record.error} heading="The meeting was not recorded" />
            {data.meetings.length === 0 ? (
              <p>No meetings yet.</p>
            ) : (
              <ul className="usa-list usa-list--unstyled" aria-label="Meetings">
                {data.meetings.map((m) => (
                  <MeetingItem
                    key={m.id}
                    meeting={m}
                    myRole={myRole}
                    canChange={canChange}
                    onAnswer={(body) => answer.mutate({ params: { path: { id: m.id } }, body })}
                    onRecord={(notes) => record.mutate({ params: { path: { id: m.id } }, body: notes })}
                  />
                ))}
              </ul>
            )}
            {list.hasNextPage && (
              <Button
                type="button"
                outline
                onClick={() => void list.fetchNextPage()}
                disabled={list.isFetchingNextPage}
              >
                {list.isFetchingNextPage ? 'Loading earlier meetings…' : 'Show earlier meetings'}
              </Button>
            )}
            {canChange && (
              <>
                <ProposeForm relationshipId={relationshipId} usualMode={data.summary.usualMode} />
                <RecordHeldForm relationshipId={relationshipId} usualMode={data.summary.usualMode} />
              </>
            )}
            {myRole && (
              <p className="margin-top-2">
                <Link to="/settings">Get all your meetings in your calendar app</Link>
              </p>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function ProposeForm({ relationshipId, usualMode }: { relationshipId: string; usualMode: Mode | null }) {
  const t = useMeetingTime(usualMode ? { mode: usualMode } : {});
  const { propose } = useMeetingMutations(relationshipId);
  return (
    <form
      aria-labelledby="propose-heading"
      onSubmit={(e) => {
        e.preventDefault();
        propose.mutate({ params: { path: { id: relationshipId } }, body: t.body() });
      }}
    >
      <h3 id="propose-heading">Propose a meeting</h3>
      <ErrorAlert error={propose.error} heading="The meeting was not proposed" />
      {propose.isSuccess && (
        <Success>Proposed. Your partner gets it by email with a calendar invitation.</Success>
      )}
      <MeetingTimeFields idPrefix="meeting" value={t.value} onChange={t.setValue} />
      <Button type="submit" disabled={propose.isPending}>
        Propose this meeting
      </Button>
    </form>
  );
}

/** R-MEET-5: a meeting the pair held without scheduling it here (a call, a hallway talk), recorded afterwards. */
function RecordHeldForm({ relationshipId, usualMode }: { relationshipId: string; usualMode: Mode | null }) {
  const [open, setOpen] = useState(false);
  const t = useMeetingTime(usualMode ? { mode: usualMode } : {});
  const [notes, setNotes] = useState<MeetingNotes>({ privateNote: '', sharedNote: '' });
  const { recordHeld } = useMeetingMutations(relationshipId);
  return (
    <div className="margin-top-3">
      <h3 id="held-heading">A meeting you did not schedule here</h3>
      {recordHeld.isSuccess && <Success>Recorded. It counts towards your meetings.</Success>}
      <Button type="button" outline aria-expanded={open} onClick={() => setOpen((x) => !x)}>
        Record a meeting we held
      </Button>
      {open && (
        <form
          aria-labelledby="held-heading"
          onSubmit={(e) => {
            e.preventDefault();
            recordHeld.mutate(
              { params: { path: { id: relationshipId } }, body: { ...t.body(), ...notes } },
              { onSuccess: () => setOpen(false) },
            );
          }}
        >
          <ErrorAlert error={recordHeld.error} heading="The meeting was not recorded" />
          <MeetingTimeFields idPrefix="held" value={t.value} onChange={t.setValue} agenda={false} />
          <MeetingNoteFields idPrefix="held" value={notes} onChange={setNotes} />
          <Button type="submit" disabled={recordHeld.isPending}>
            Record this meeting
          </Button>
        </form>
      )}
    </div>
  );
}
