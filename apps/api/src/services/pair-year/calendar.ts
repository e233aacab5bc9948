import ical, { ICalCalendarMethod, ICalEventStatus, type ICalEventData } from 'ical-generator';
import type { OutboxCalendar } from '../../db/schema/index.js';
import { formatWhen } from './when.js';

export type CalendarMeeting = {
  id: string;
  startsAt: Date;
  timeZone: string;
  durationMinutes: number;
  mode: 'in_person' | 'phone' | 'video';
  location: string;
  agenda: string;
  sequence: number;
  updatedAt: Date;
  cancelled: boolean;
};
export type Attendee = { name: string; email: string };

const MODE = { in_person: 'in person', phone: 'by phone', video: 'by video' } as const;
const hostOf = (appUrl: string) => new URL(appUrl).hostname;

/** R-MEET-3: the UID stays the same for every version of one meeting, so calendars update it instead of adding. */
export const meetingUid = (id: string, appUrl: string) => `meeting-${id}@${hostOf(appUrl)}`;

function eventOf(
  m: CalendarMeeting,
  title: string,
  attendees: Attendee[],
  appUrl: string,
  link: string,
): ICalEventData {
  return {
    id: meetingUid(m.id, appUrl),
    sequence: m.sequence,
    stamp: m.updatedAt,
    start: m.startsAt,
    end: new Date(m.startsAt.getTime() + m.durationMinutes * 60_000),
    summary: title,
    description: `Mentoring meeting ${MODE[m.mode]}, ${formatWhen(m.startsAt, m.timeZone)}.${m.agenda ? `\n\nAgenda:\n${m.agenda}` : ''}\n\n${appUrl}${link}`,
    location: m.location || null,
    url: `${appUrl}${link}`,
    status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: 'HHS Mentoring Program', email: `mentoring-noreply@${hostOf(appUrl)}` },
    attendees: attendees.map((a) => ({ name: a.name, email: a.email, rsvp: false })),
  };
}

const calendar = (method: ICalCalendarMethod | null, name?: string) =>
  ical({
    prodId: { company: 'HHS', product: 'Mentoring Matching System', language: 'EN' },
    ...(method ? { method } : {}),
    ...(name ? { name } : {}),
  });

/** R-MEET-3: a METHOD:REQUEST (new or changed) or METHOD:CANCEL (declined or cancelled) for one meeting. */
export function meetingInvitation(
  m: CalendarMeeting,
  title: string,
  attendees: Attendee[],
  appUrl: string,
  link: string,
): OutboxCalendar {
  const method = m.cancelled ? 'CANCEL' : 'REQUEST';
  const cal = calendar(m.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  cal.createEvent(eventOf(m, title, attendees, appUrl, link));
  return { method, filename: m.cancelled ? 'cancel.ics' : 'invite.ics', content: cal.toString() };
}

export type FeedEvent = {
  uid: string;
  start: Date;
  end: Date;
  title: string;
  description: string;
  location: string;
  link: string;
  stamp: Date;
  sequence: number;
};

/** R-MEET-4: a person's read-only feed of meetings and training events (no METHOD: it is published, not sent). */
export function feedCalendar(events: FeedEvent[], appUrl: string): string {
  const cal = calendar(null, 'HHS Mentoring');
  for (const e of events)
    cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: e.stamp,
      start: e.start,
      end: e.end,
      summary: e.title,
      description: e.description,
      location: e.location || null,
      url: `${appUrl}${e.link}`,
    });
  return cal.toString();
}
