import { DAY_MS, monthsHavePassed } from './clock.js';
import type { PairRole } from './relationship.types.js';

/**
 * The pair's working year (issue 17; docs/decisions/1000-pair-year-rules.md): meetings on the agreed cadence,
 * messages, waitlists, nudges and early completion. Pure functions; the clock is a parameter.
 */

/** R-MEET-1: the cadences an agreement can name, as days between meetings. Monthly is the guide's default. */
export const CADENCE_DAYS = { weekly: 7, every_2_weeks: 14, every_4_weeks: 28, monthly: 30 } as const;
export type Cadence = keyof typeof CADENCE_DAYS;
export const DEFAULT_CADENCE: Cadence = 'monthly';
export const MEETING_MODES = ['in_person', 'phone', 'video'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

type Refusal = { ok: false; rule: string; detail: string };
const refuse = (rule: string, detail: string): Refusal => ({ ok: false, rule, detail });

/** R-MEET-6: on track until 1.5 × the interval without a meeting held; then nudge; at 2 × quiet (coordinator alerted). */
export type CadenceStatus = 'on_track' | 'nudge' | 'quiet';
export function cadenceStatus(
  since: Date,
  cadence: Cadence,
  now: Date,
): { status: CadenceStatus; daysSince: number; nudgeAt: Date; quietAt: Date } {
  const interval = CADENCE_DAYS[cadence] * DAY_MS;
  const nudgeAt = new Date(since.getTime() + 1.5 * interval);
  const quietAt = new Date(since.getTime() + 2 * interval);
  const status: CadenceStatus = now >= quietAt ? 'quiet' : now >= nudgeAt ? 'nudge' : 'on_track';
  return { status, daysSince: Math.floor((now.getTime() - since.getTime()) / DAY_MS), nudgeAt, quietAt };
}

export type MeetingState = 'proposed' | 'accepted' | 'declined' | 'cancelled';
export interface Meeting {
  state: MeetingState;
  /** Who proposed the current time; the other partner answers. */
  proposedBy: PairRole;
  startsAt: Date;
  durationMinutes: number;
  mode: MeetingMode;
  location: string;
  agenda: string;
  /** RFC 5545 SEQUENCE: bumped on every change an attendee's calendar must apply. */
  sequence: number;
}
export type MeetingTime = Pick<Meeting, 'startsAt' | 'durationMinutes' | 'mode' | 'location' | 'agenda'>;
export type MeetingEvent =
  | { type: 'accept'; by: PairRole }
  | { type: 'decline'; by: PairRole }
  | { type: 'propose_other_time'; by: PairRole; time: MeetingTime }
  | { type: 'cancel'; by: PairRole };
export type MeetingTransition =
  { ok: true; meeting: Meeting; calendar: 'REQUEST' | 'CANCEL' | null } | Refusal;

export const MEETING_LIMITS = {
  minMinutes: 15,
  maxMinutes: 240,
  agendaMax: 2000,
  locationMax: 500,
  noteMax: 2000,
} as const;

/** R-MEET-2: a proposed time is in the future, 15–240 minutes long, with a link or room where the mode needs one. */
export function checkMeetingTime(time: MeetingTime, now: Date): { ok: true } | Refusal {
  if (time.startsAt.getTime() <= now.getTime())
    return refuse('R-MEET-2', 'Choose a time in the future for the meeting.');
  if (time.durationMinutes < MEETING_LIMITS.minMinutes || time.durationMinutes > MEETING_LIMITS.maxMinutes)
    return refuse('R-MEET-2', 'A meeting lasts between 15 minutes and 4 hours.');
  if (time.mode !== 'phone' && !time.location.trim())
    return refuse(
      'R-MEET-2',
      time.mode === 'video'
        ? 'Add the video link for the meeting.'
        : 'Add the room or place where you will meet.',
    );
  return { ok: true };
}

/** R-MEET-2: the other partner accepts, declines or proposes another time; either partner cancels before it starts. */
export function nextMeetingState(m: Meeting, event: MeetingEvent, now: Date): MeetingTransition {
  if (m.state === 'declined' || m.state === 'cancelled')
    return refuse('R-MEET-2', `This meeting was ${m.state} and can no longer change.`);
  if (m.startsAt.getTime() <= now.getTime())
    return refuse('R-MEET-2', 'This meeting has already started; record it instead.');
  switch (event.type) {
    case 'accept':
    case 'decline':
      if (m.state !== 'proposed')
        return refuse('R-MEET-2', 'Only a proposed meeting can be accepted or declined.');
      if (event.by === m.proposedBy) return refuse('R-MEET-2', 'Your partner answers the time you proposed.');
      return event.type === 'accept'
        ? { ok: true, meeting: { ...m, state: 'accepted' }, calendar: 'REQUEST' }
        : { ok: true, meeting: { ...m, state: 'declined', sequence: m.sequence + 1 }, calendar: 'CANCEL' };
    case 'propose_other_time': {
      if (m.state === 'proposed' && event.by === m.proposedBy)
        return refuse('R-MEET-2', 'Wait for your partner to answer, or cancel and propose again.');
      const ok = checkMeetingTime(event.time, now);
      if (!ok.ok) return ok;
      return {
        ok: true,
        meeting: { ...m, ...event.time, state: 'proposed', proposedBy: event.by, sequence: m.sequence + 1 },
        calendar: 'REQUEST',
      };
    }
    case 'cancel':
      return {
        ok: true,
        meeting: { ...m, state: 'cancelled', sequence: m.sequence + 1 },
        calendar: 'CANCEL',
      };
  }
}

/** R-MEET-5: a partner records a meeting once it has started, and only an accepted one. */
export function checkRecordHeld(m: Pick<Meeting, 'state' | 'startsAt'>, now: Date): { ok: true } | Refusal {
  if (m.state !== 'accepted')
    return refuse('R-MEET-5', 'Only a meeting both partners accepted can be recorded as held.');
  if (m.startsAt.getTime() > now.getTime())
    return refuse('R-MEET-5', 'A meeting can be recorded once it has started.');
  return { ok: true };
}

/** R-MSG-2: plain text, 1 to 2,000 characters after trimming. */
export const MESSAGE_MAX = 2000;
export function checkMessageBody(body: string): { ok: true; body: string } | Refusal {
  const text = body.replace(/\r\n/g, '\n').trim();
  if (!text) return refuse('R-MSG-2', 'Write a message before sending it.');
  if (text.length > MESSAGE_MAX)
    return refuse(
      'R-MSG-2',
      `A message can be at most ${MESSAGE_MAX} characters; this one has ${text.length}.`,
    );
  return { ok: true, body: text };
}

/** R-NUDGE-1..3 thresholds, program settings (days). */
export interface NudgeSettings {
  nudgeUnmatchedDays: number[];
  nudgeInvitationDays: number;
  nudgeUnconfirmedDays: number;
}
export const DEFAULT_NUDGES: Readonly<NudgeSettings> = Object.freeze({
  nudgeUnmatchedDays: [14, 30],
  nudgeInvitationDays: 5,
  nudgeUnconfirmedDays: 3,
});

/**
 * R-NUDGE-1/R-NUDGE-2 settings that would keep a reminder from ever going out: the unmatched reminders must come in
 * order, and the invitation reminder before the invitation expires. Field errors keyed by the setting's JSON pointer.
 */
export function nudgeSettingsProblems(
  s: NudgeSettings & { invitationExpiryDays: number },
): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const [first, second] = s.nudgeUnmatchedDays;
  if (first !== undefined && second !== undefined && second <= first)
    out.push({
      field: '/nudgeUnmatchedDays/1',
      message: `The second reminder to an unmatched mentee must come after the first: enter more than ${first} days.`,
    });
  if (s.nudgeInvitationDays >= s.invitationExpiryDays)
    out.push({
      field: '/nudgeInvitationDays',
      message: `The reminder about an unanswered invitation must come before it expires: enter fewer than ${s.invitationExpiryDays} days.`,
    });
  return out;
}

/** R-NUDGE-1: the largest threshold an unmatched mentee has passed (null before the first). */
export function unmatchedNudgeStep(appliedAt: Date, now: Date, days: readonly number[]): number | null {
  const waited = (now.getTime() - appliedAt.getTime()) / DAY_MS;
  const passed = days.filter((d) => waited >= d);
  return passed.length ? Math.max(...passed) : null;
}

/** R-END-1: completed early once both partners and a coordinator agree, after R-LIFE-7's minimum period. */
export function checkEarlyCompletion(
  confirmedAt: Date,
  live: boolean,
  agreed: Record<PairRole | 'coordinator', boolean>,
  now: Date,
  minMonths: number,
): { ok: true; complete: boolean } | Refusal {
  if (!live) return refuse('R-END-1', 'Only a current relationship can be completed early.');
  if (!monthsHavePassed(confirmedAt, minMonths, now))
    return refuse(
      'R-END-1',
      `A relationship can be completed early only once ${minMonths} months have passed since confirmation.`,
    );
  return { ok: true, complete: agreed.mentor && agreed.mentee && agreed.coordinator };
}
