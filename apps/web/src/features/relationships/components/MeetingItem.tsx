import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useState } from 'react';
import { formatMeetingTime } from '../../../lib/format';
import type { Schemas } from '../../../lib/api';
import { MeetingTimeFields, MODE, useMeetingTime } from './MeetingTimeFields';
import { MeetingNoteFields, type MeetingNotes } from './MeetingNoteFields';

type Meeting = Schemas['Meeting'];
type TimeBody = ReturnType<ReturnType<typeof useMeetingTime>['body']>;
export type MeetingAnswer =
  { type: 'accept' | 'decline' | 'cancel' } | { type: 'propose_other_time'; time: TimeBody };

function stateWords(m: Meeting, myRole: 'mentor' | 'mentee' | null): string {
  if (m.held) return 'held';
  if (m.state === 'proposed')
    return m.proposedBy === myRole ? 'waiting for your partner' : 'waiting for an answer';
  return m.state;
}

/**
 * One meeting (R-MEET-2/5): the partner who did not propose the time accepts, declines or proposes another; either
 * cancels before it starts; once an accepted meeting has started, each partner records it with a private note (theirs
 * alone) and an optional shared note.
 */
export function MeetingItem({
  meeting: m,
  myRole,
  canChange,
  now = new Date(),
  onAnswer,
  onRecord,
}: {
  meeting: Meeting;
  myRole: 'mentor' | 'mentee' | null;
  canChange: boolean;
  now?: Date;
  onAnswer: (a: MeetingAnswer) => void;
  onRecord: (n: MeetingNotes) => void;
}) {
  const started = new Date(m.startsAt).getTime() <= now.getTime();
  const toAnswer = m.state === 'proposed' && m.proposedBy !== myRole;
  const open = canChange && !started && (m.state === 'proposed' || m.state === 'accepted');
  const [otherTime, setOtherTime] = useState(false);
  return (
    <li className="border-top-1px border-base-lighter padding-y-2" data-testid="meeting">
      <p className="margin-0 text-bold">
        {formatMeetingTime(m.startsAt, m.timeZone)} · {m.durationMinutes} minutes · {MODE[m.mode]} (
        {stateWords(m, myRole)})
      </p>
      {m.location && <p className="margin-0">Where: {m.location}</p>}
      {m.agenda && <p className="margin-0">Agenda: {m.agenda}</p>}
      {m.sharedNotes.map((n) => (
        <p key={n.role} className="margin-0">
          Shared note from the {n.role}: {n.note}
        </p>
      ))}
      {m.myPrivateNote && <p className="margin-0">Your private note: {m.myPrivateNote}</p>}
      {open && (
        <ButtonGroup className="margin-top-1">
          {toAnswer && (
            <Button type="button" onClick={() => onAnswer({ type: 'accept' })}>
              Accept
            </Button>
          )}
          {toAnswer && (
            <Button type="button" outline onClick={() => onAnswer({ type: 'decline' })}>
              Decline
            </Button>
          )}
          {(toAnswer || m.state === 'accepted') && (
            <Button type="button" outline aria-expanded={otherTime} onClick={() => setOtherTime((x) => !x)}>
              Propose another time
            </Button>
          )}
          <Button type="button" unstyled onClick={() => onAnswer({ type: 'cancel' })}>
            Cancel this meeting
          </Button>
        </ButtonGroup>
      )}
      {open && otherTime && (
        <OtherTimeForm
          meeting={m}
          onSubmit={(time) => {
            onAnswer({ type: 'propose_other_time', time });
            setOtherTime(false);
          }}
        />
      )}
      {(m.state === 'proposed' || m.state === 'accepted') && myRole && (
        <p className="margin-y-1">
          <a href={`/api/v1/meetings/${m.id}/ics`}>Add to my calendar (.ics file)</a>
        </p>
      )}
      {canChange && myRole && started && m.state === 'accepted' && (
        <RecordForm key={`${m.id}-${m.recordedBy.join()}`} meeting={m} myRole={myRole} onRecord={onRecord} />
      )}
    </li>
  );
}

function OtherTimeForm({ meeting: m, onSubmit }: { meeting: Meeting; onSubmit: (t: TimeBody) => void }) {
  // Starts from the meeting's own length, place and agenda: only the date and time need changing.
  const t = useMeetingTime({
    mode: m.mode,
    duration: m.durationMinutes,
    location: m.location,
    agenda: m.agenda,
  });
  return (
    <form
      className="margin-top-1"
      aria-label="Propose another time"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(t.body());
      }}
    >
      <MeetingTimeFields idPrefix={`other-${m.id}`} value={t.value} onChange={t.setValue} />
      <Button type="submit">Send this time</Button>
    </form>
  );
}

function RecordForm({
  meeting: m,
  myRole,
  onRecord,
}: {
  meeting: Meeting;
  myRole: 'mentor' | 'mentee';
  onRecord: (n: MeetingNotes) => void;
}) {
  const [notes, setNotes] = useState<MeetingNotes>({
    privateNote: m.myPrivateNote ?? '',
    sharedNote: m.sharedNotes.find((n) => n.role === myRole)?.note ?? '',
  });
  const recorded = m.recordedBy.includes(myRole);
  return (
    <form
      className="margin-top-1"
      aria-label="Record that the meeting happened"
      onSubmit={(e) => {
        e.preventDefault();
        onRecord(notes);
      }}
    >
      {recorded && <p className="margin-y-1">You recorded this meeting.</p>}
      <MeetingNoteFields idPrefix={`meeting-${m.id}`} value={notes} onChange={setNotes} />
      <Button type="submit">{recorded ? 'Update my record' : 'Record that we met'}</Button>
    </form>
  );
}
