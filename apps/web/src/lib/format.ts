const dateFmt = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric' });

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  return Number.isNaN(date.getTime()) ? value : dateFmt.format(date);
}

export function fullName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`;
}

export function gradeLabel(p: { payPlan: string; grade: string }): string {
  return `${p.payPlan}-${p.grade}`;
}

/** The reader's time zone: the browser's. */
export const readerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const parts = (date: Date, timeZone: string, zoneName: 'short' | 'long') => {
  const fmt = new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: zoneName,
    timeZone,
  });
  const of = (type: Intl.DateTimeFormatPartTypes) =>
    fmt.formatToParts(date).find((p) => p.type === type)?.value;
  return {
    day: `${of('month')} ${of('day')}, ${of('year')}`,
    time: `${of('hour')}:${of('minute')} ${of('dayPeriod')} ${of('timeZoneName')}`,
  };
};

/**
 * "March 4, 2027, 2:05 PM EST": the one date-and-time format of the app, in the reader's time zone (content-style.md).
 * `timeZone` is for tests and for a reader who is not the browser.
 */
export function formatDateTime(value: string | null | undefined, timeZone = readerTimeZone()): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const { day, time } = parts(date, timeZone, 'short');
  return `${day}, ${time}`;
}

/**
 * A meeting's start for the reader, in their time zone; when the meeting was set in another zone, its own time
 * follows in words: "March 4, 2027, 3:00 PM GMT (10:00 AM Eastern Standard Time, the meeting's time zone)".
 */
export function formatMeetingTime(iso: string, meetingZone: string, timeZone = readerTimeZone()): string {
  const shown = formatDateTime(iso, timeZone);
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return shown;
  const reader = parts(date, timeZone, 'long');
  const own = parts(date, meetingZone, 'long');
  if (reader.day === own.day && reader.time === own.time) return shown;
  const when = reader.day === own.day ? own.time : `${own.day.replace(/, \d+$/, '')}, ${own.time}`;
  return `${shown} (${when}, the meeting's time zone)`;
}
