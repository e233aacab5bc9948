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
