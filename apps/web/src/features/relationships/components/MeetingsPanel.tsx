import { Button, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import { useState } from 'react';
import { Field } from '../../../components/ui/Field';
import { ErrorAlert, QueryState } from '../../../components/ui/States';
import { $api, type Schemas } from '../../../lib/api';
import { CadenceSummary } from './CadenceSummary';
import { formatWhen } from './text';

const MODE = { in_person: 'In person', phone: 'By phone', video: 'By video' } as const;
const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
];

/** R-MEET-1..6: what is next first, then the meetings with their answers, then a form to propose one. */
export function MeetingsPanel({ relationshipId, canChange }: { relationshipId: string; canChange: boolean }) {
  const params = { params: { path: { id: relationshipId } } };
  const list = $api.useQuery('get', '/api/v1/relationships/{id}/meetings', params);
  const refresh = () => void list.refetch();
  const answer = $api.useMutation('post', '/api/v1/meetings/{id}/answer', { onSuccess: refresh });
  const record = $api.useMutation('put', '/api/v1/meetings/{id}/record', { onSuccess: refresh });
  return (
    <section aria-labelledby="meetings-heading" id="meetings" className="margin-top-4">
      <h2 id="meetings-heading">Meetings</h2>
      <QueryState query={list}>
        {(data) => (
          <>
            <CadenceSummary summary={data.summary} />
            {answer.error && <ErrorAlert error={answer.error} heading="The meeting did not change" />}
            {record.error && <ErrorAlert error={record.error} heading="The meeting was not recorded" />}
            <ul className="usa-list usa-list--unstyled">
              {data.meetings.map((m) => (
                <MeetingItem
                  key={m.id}
                  meeting={m}
                  canChange={canChange}
                  onAnswer={(type) => answer.mutate({ params: { path: { id: m.id } }, body: { type } })}
                  onRecord={(notes) => record.mutate({ params: { path: { id: m.id } }, body: notes })}
                />
              ))}
            </ul>
            {canChange && <ProposeForm relationshipId={relationshipId} onDone={refresh} />}
          </>
        )}
      </QueryState>
    </section>
  );
}

type Meeting = Schemas['Meeting'];
function MeetingItem({
  meeting: m,
  canChange,
  onAnswer,
  onRecord,
}: {
  meeting: Meeting;
  canChange: boolean;
  onAnswer: (t: 'accept' | 'decline' | 'cancel') => void;
  onRecord: (n: { privateNote: string; sharedNote: string }) => void;
}) {
  const [privateNote, setPrivate] = useState(m.myPrivateNote ?? '');
  const [sharedNote, setShared] = useState('');
  const started = new Date(m.startsAt).getTime() <= Date.now();
  const state = m.held ? 'held' : m.state === 'proposed' ? 'waiting for an answer' : m.state;
  return (
    <li className="border-top-1px border-base-lighter padding-y-2">
      <p className="margin-0 text-bold">
        {formatWhen(m.startsAt, m.timeZone)} · {m.durationMinutes} minutes · {MODE[m.mode]} ({state})
      </p>
      {m.location && <p className="margin-0">Where: {m.location}</p>}
      {m.agenda && <p className="margin-0">Agenda: {m.agenda}</p>}
      {m.sharedNotes.map((n) => (
        <p key={n.role} className="margin-0">
          Shared note from the {n.role}: {n.note}
        </p>
      ))}
      {canChange && !started && (m.state === 'proposed' || m.state === 'accepted') && (
        <div className="margin-top-1">
          {m.state === 'proposed' && (
            <Button type="button" onClick={() => onAnswer('accept')}>
              Accept
            </Button>
          )}
          {m.state === 'proposed' && (
            <Button type="button" outline onClick={() => onAnswer('decline')}>
              Decline
            </Button>
          )}
          <Button type="button" unstyled onClick={() => onAnswer('cancel')}>
            Cancel this meeting
          </Button>{' '}
          <a href={`/api/v1/meetings/${m.id}/ics`}>Add to my calendar (.ics)</a>
        </div>
      )}
      {canChange && started && m.state === 'accepted' && (
        <form
          className="margin-top-1"
          onSubmit={(e) => {
            e.preventDefault();
            onRecord({ privateNote, sharedNote });
          }}
        >
          <Field id={`private-${m.id}`} label="Private note (only you can read it)">
            <Textarea
              id={`private-${m.id}`}
              name="privateNote"
              maxLength={2000}
              value={privateNote}
              onChange={(e) => setPrivate(e.target.value)}
            />
          </Field>
          <Field id={`shared-${m.id}`} label="Shared note for your partner (optional)">
            <Textarea
              id={`shared-${m.id}`}
              name="sharedNote"
              maxLength={2000}
              value={sharedNote}
              onChange={(e) => setShared(e.target.value)}
            />
          </Field>
          <Button type="submit">{m.recordedBy.length ? 'Update my record' : 'Record that we met'}</Button>
        </form>
      )}
    </li>
  );
}

function ProposeForm({ relationshipId, onDone }: { relationshipId: string; onDone: () => void }) {
  const [date, setDate] = useState('');
  const [time, setTime] = useState('10:00');
  const [timeZone, setZone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [duration, setDuration] = useState(60);
  const [mode, setMode] = useState<keyof typeof MODE>('video');
  const [location, setLocation] = useState('');
  const [agenda, setAgenda] = useState('');
  const propose = $api.useMutation('post', '/api/v1/relationships/{id}/meetings', { onSuccess: onDone });
  const zones = ZONES.includes(timeZone) ? ZONES : [timeZone, ...ZONES];
  return (
    <form
      aria-labelledby="propose-heading"
      onSubmit={(e) => {
        e.preventDefault();
        propose.mutate({
          params: { path: { id: relationshipId } },
          body: {
            startsAt: zonedIso(date, time, timeZone),
            timeZone,
            durationMinutes: duration,
            mode,
            location,
            agenda,
          },
        });
      }}
    >
      <h3 id="propose-heading">Propose a meeting</h3>
      {propose.error && <ErrorAlert error={propose.error} heading="The meeting was not proposed" />}
      {propose.isSuccess && (
        <p role="status">Proposed. Your partner gets it by email with a calendar invitation.</p>
      )}
      <Field id="meeting-date" label="Date" required>
        <input
          className="usa-input"
          id="meeting-date"
          name="date"
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </Field>
      <Field id="meeting-time" label="Start time" required>
        <input
          className="usa-input"
          id="meeting-time"
          name="time"
          type="time"
          required
          value={time}
          onChange={(e) => setTime(e.target.value)}
        />
      </Field>
      <Field id="meeting-zone" label="Time zone">
        <Select id="meeting-zone" name="timeZone" value={timeZone} onChange={(e) => setZone(e.target.value)}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replace('_', ' ')}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="meeting-duration" label="Length in minutes">
        <TextInput
          id="meeting-duration"
          name="duration"
          type="number"
          min={15}
          max={240}
          step={15}
          value={duration}
          onChange={(e) => setDuration(Number(e.target.value))}
        />
      </Field>
      <Field id="meeting-mode" label="How you will meet">
        <Select
          id="meeting-mode"
          name="mode"
          value={mode}
          onChange={(e) => setMode(e.target.value as keyof typeof MODE)}
        >
          {Object.entries(MODE).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </Select>
      </Field>
      {mode !== 'phone' && (
        <Field id="meeting-location" label={mode === 'video' ? 'Video link' : 'Room or place'}>
          <TextInput
            id="meeting-location"
            name="location"
            type="text"
            maxLength={500}
            value={location}
            onChange={(e) => setLocation(e.target.value)}
          />
        </Field>
      )}
      <Field id="meeting-agenda" label="Agenda (optional)">
        <Textarea
          id="meeting-agenda"
          name="agenda"
          maxLength={2000}
          value={agenda}
          onChange={(e) => setAgenda(e.target.value)}
        />
      </Field>
      <Button type="submit" disabled={propose.isPending}>
        Propose this meeting
      </Button>
    </form>
  );
}

/** The instant of a wall-clock date and time in a time zone (offset found from the zone's own formatting). */
export function zonedIso(date: string, time: string, timeZone: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  if (Number.isNaN(guess.getTime())) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const asZone = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return new Date(guess.getTime() - (asZone - guess.getTime())).toISOString();
}
