import ICAL from 'ical.js';

/** An .ics read by ical.js, a parser independent of the generator the API uses: its method and its events. */
export type ParsedIcs = { method: string; events: { uid: string; sequence: number; start: string }[] };

export function parseIcs(text: string): ParsedIcs {
  const cal = new ICAL.Component(ICAL.parse(text));
  return {
    method: String(cal.getFirstPropertyValue('method')),
    events: cal.getAllSubcomponents('vevent').map((v) => ({
      uid: String(v.getFirstPropertyValue('uid')),
      sequence: Number(v.getFirstPropertyValue('sequence') ?? 0),
      start: new ICAL.Event(v).startDate.toJSDate().toISOString(),
    })),
  };
}

/** A date some days from today as a date field takes it (YYYY-MM-DD). */
export const dayFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The date and time on a wall clock in a time zone, as the date and time fields take them. */
export function wallClock(at: Date, timeZone: string): { date: string; time: string } {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
