import { Select, TextInput } from '@trussworks/react-uswds';
import { useState } from 'react';
import { Field } from '../../../components/ui/Field';
import { TextareaField } from '../../../components/ui/TextareaField';

export const MODE = { in_person: 'In person', phone: 'By phone', video: 'By video' } as const;
export type Mode = keyof typeof MODE;
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

export type MeetingTime = {
  date: string;
  time: string;
  timeZone: string;
  duration: number;
  mode: Mode;
  location: string;
  agenda: string;
};

/** A meeting's time and place as the form holds it; `body()` is what the API takes (R-MEET-2). */
export function useMeetingTime(initial: Partial<MeetingTime> = {}) {
  const [value, setValue] = useState<MeetingTime>(() => ({
    date: '',
    time: '10:00',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    duration: 60,
    mode: 'video',
    location: '',
    agenda: '',
    ...initial,
  }));
  const body = () => ({
    startsAt: zonedIso(value.date, value.time, value.timeZone),
    timeZone: value.timeZone,
    durationMinutes: value.duration,
    mode: value.mode,
    location: value.mode === 'phone' ? '' : value.location,
    agenda: value.agenda,
  });
  return { value, setValue, body };
}

/** Date, start time with its time zone, length, how, where and agenda: one set of labelled fields per form. */
export function MeetingTimeFields({
  idPrefix,
  value: v,
  onChange,
  agenda = true,
}: {
  idPrefix: string;
  value: MeetingTime;
  onChange: (v: MeetingTime) => void;
  agenda?: boolean;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const set = <K extends keyof MeetingTime>(k: K, x: MeetingTime[K]) => onChange({ ...v, [k]: x });
  const zones = ZONES.includes(v.timeZone) ? ZONES : [v.timeZone, ...ZONES];
  return (
    <>
      <Field id={id('date')} label="Date" required>
        <input
          className="usa-input"
          id={id('date')}
          name="date"
          type="date"
          required
          value={v.date}
          onChange={(e) => set('date', e.target.value)}
        />
      </Field>
      <Field id={id('time')} label="Start time" required>
        <input
          className="usa-input"
          id={id('time')}
          name="time"
          type="time"
          required
          value={v.time}
          onChange={(e) => set('time', e.target.value)}
        />
      </Field>
      <Field id={id('zone')} label="Time zone">
        <Select
          id={id('zone')}
          name="timeZone"
          value={v.timeZone}
          onChange={(e) => set('timeZone', e.target.value)}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replace('_', ' ')}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={id('duration')} label="Length in minutes">
        <TextInput
          id={id('duration')}
          name="duration"
          type="number"
          min={15}
          max={240}
          step={15}
          value={v.duration}
          onChange={(e) => set('duration', Number(e.target.value))}
        />
      </Field>
      <Field id={id('mode')} label="How you meet">
        <Select
          id={id('mode')}
          name="mode"
          value={v.mode}
          onChange={(e) => set('mode', e.target.value as Mode)}
        >
          {Object.entries(MODE).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      {v.mode !== 'phone' && (
        <Field id={id('location')} label={v.mode === 'video' ? 'Video link' : 'Room or place'}>
          <TextInput
            id={id('location')}
            name="location"
            type="text"
            maxLength={500}
            value={v.location}
            onChange={(e) => set('location', e.target.value)}
          />
        </Field>
      )}
      {agenda && (
        <TextareaField
          id={id('agenda')}
          label="Agenda (optional)"
          name="agenda"
          maxLength={2000}
          value={v.agenda}
          onChange={(text) => set('agenda', text)}
        />
      )}
    </>
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
