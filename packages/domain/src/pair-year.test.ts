import { describe, expect, it } from 'vitest';
import {
  cadenceStatus,
  checkEarlyCompletion,
  checkMeetingTime,
  checkMessageBody,
  checkRecordHeld,
  nextMeetingState,
  nudgeSettingsProblems,
  unmatchedNudgeStep,
  type Meeting,
} from './pair-year.js';
import { nextRelationshipState } from './relationship.state-machine.js';
import { newRelationship } from './relationship.types.js';

const now = new Date('2027-03-04T15:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  state: 'proposed',
  proposedBy: 'mentee',
  startsAt: days(7),
  durationMinutes: 60,
  mode: 'video',
  location: 'https://meet.example/abc',
  agenda: '',
  sequence: 0,
  ...over,
});

describe('cadence watch', () => {
  it('R-MEET-6: on track before 1.5 × the interval, nudge from 1.5 ×, quiet from 2 ×', () => {
    expect(cadenceStatus(days(-44), 'monthly', now).status).toBe('on_track');
    expect(cadenceStatus(days(-45), 'monthly', now).status).toBe('nudge');
    expect(cadenceStatus(days(-59), 'monthly', now).status).toBe('nudge');
    expect(cadenceStatus(days(-60), 'monthly', now).status).toBe('quiet');
    expect(cadenceStatus(days(-21), 'every_2_weeks', now).status).toBe('nudge');
    expect(cadenceStatus(days(-14), 'weekly', now).status).toBe('quiet');
  });
});

describe('meetings', () => {
  it('R-MEET-2: a proposed time must be in the future, 15–240 minutes, with a link for video and a room in person', () => {
    expect(checkMeetingTime({ ...meeting(), startsAt: days(-1) }, now)).toMatchObject({
      ok: false,
      rule: 'R-MEET-2',
    });
    expect(checkMeetingTime({ ...meeting(), durationMinutes: 10 }, now)).toMatchObject({ ok: false });
    expect(checkMeetingTime({ ...meeting(), durationMinutes: 241 }, now)).toMatchObject({ ok: false });
    expect(checkMeetingTime({ ...meeting(), location: ' ' }, now)).toMatchObject({
      ok: false,
      detail: 'Add the video link for the meeting.',
    });
    expect(checkMeetingTime({ ...meeting(), mode: 'phone', location: '' }, now)).toEqual({ ok: true });
  });

  it('R-MEET-2: only the other partner accepts or declines; accepting keeps the sequence, declining bumps it and cancels', () => {
    expect(nextMeetingState(meeting(), { type: 'accept', by: 'mentee' }, now)).toMatchObject({
      ok: false,
      rule: 'R-MEET-2',
    });
    expect(nextMeetingState(meeting(), { type: 'accept', by: 'mentor' }, now)).toMatchObject({
      ok: true,
      meeting: { state: 'accepted', sequence: 0 },
      calendar: 'REQUEST',
    });
    expect(nextMeetingState(meeting(), { type: 'decline', by: 'mentor' }, now)).toMatchObject({
      ok: true,
      meeting: { state: 'declined', sequence: 1 },
      calendar: 'CANCEL',
    });
  });

  it('R-MEET-3: proposing another time swaps who answers and bumps SEQUENCE', () => {
    const t = nextMeetingState(
      meeting({ state: 'accepted', sequence: 2 }),
      { type: 'propose_other_time', by: 'mentee', time: { ...meeting(), startsAt: days(9) } },
      now,
    );
    expect(t).toMatchObject({
      ok: true,
      meeting: { state: 'proposed', proposedBy: 'mentee', sequence: 3 },
      calendar: 'REQUEST',
    });
    expect(
      nextMeetingState(meeting(), { type: 'propose_other_time', by: 'mentee', time: meeting() }, now),
    ).toMatchObject({ ok: false });
  });

  it('R-MEET-2: either partner cancels before it starts; nothing changes a cancelled or started meeting', () => {
    expect(
      nextMeetingState(meeting({ state: 'accepted' }), { type: 'cancel', by: 'mentee' }, now),
    ).toMatchObject({ ok: true, meeting: { state: 'cancelled', sequence: 1 }, calendar: 'CANCEL' });
    expect(
      nextMeetingState(meeting({ state: 'cancelled' }), { type: 'accept', by: 'mentor' }, now),
    ).toMatchObject({ ok: false });
    expect(
      nextMeetingState(meeting({ startsAt: days(-1) }), { type: 'cancel', by: 'mentor' }, now),
    ).toMatchObject({ ok: false });
  });

  it('R-MEET-5: only an accepted meeting that has started is recorded as held', () => {
    expect(checkRecordHeld({ state: 'accepted', startsAt: days(-1) }, now)).toEqual({ ok: true });
    expect(checkRecordHeld({ state: 'accepted', startsAt: days(1) }, now)).toMatchObject({
      ok: false,
      rule: 'R-MEET-5',
    });
    expect(checkRecordHeld({ state: 'proposed', startsAt: days(-1) }, now)).toMatchObject({
      ok: false,
      rule: 'R-MEET-5',
    });
  });
});

describe('messages, nudges, early completion', () => {
  it('R-MSG-2: a message is 1 to 2,000 characters of trimmed plain text', () => {
    expect(checkMessageBody('  hello \r\n there ')).toEqual({ ok: true, body: 'hello \n there' });
    expect(checkMessageBody('   ')).toMatchObject({ ok: false, rule: 'R-MSG-2' });
    expect(checkMessageBody('x'.repeat(2001))).toMatchObject({ ok: false, rule: 'R-MSG-2' });
  });

  it('R-NUDGE-1: the step is the largest threshold passed', () => {
    expect(unmatchedNudgeStep(days(-13), now, [14, 30])).toBeNull();
    expect(unmatchedNudgeStep(days(-14), now, [14, 30])).toBe(14);
    expect(unmatchedNudgeStep(days(-31), now, [14, 30])).toBe(30);
  });

  it('R-NUDGE-1/R-NUDGE-2: refuses settings under which a reminder could never go out', () => {
    const ok = {
      nudgeUnmatchedDays: [14, 30],
      nudgeInvitationDays: 5,
      nudgeUnconfirmedDays: 3,
      invitationExpiryDays: 14,
    };
    expect(nudgeSettingsProblems(ok)).toEqual([]);
    expect(nudgeSettingsProblems({ ...ok, nudgeUnmatchedDays: [30, 30] }).map((p) => p.field)).toEqual([
      '/nudgeUnmatchedDays/1',
    ]);
    expect(nudgeSettingsProblems({ ...ok, nudgeInvitationDays: 14 }).map((p) => p.field)).toEqual([
      '/nudgeInvitationDays',
    ]);
  });

  it('R-END-1: completes early only after the minimum period and with all three agreements', () => {
    const all = { mentor: true, mentee: true, coordinator: true };
    expect(checkEarlyCompletion(days(-60), true, all, now, 3)).toMatchObject({ ok: false, rule: 'R-END-1' });
    expect(checkEarlyCompletion(days(-100), true, { ...all, coordinator: false }, now, 3)).toEqual({
      ok: true,
      complete: false,
    });
    expect(checkEarlyCompletion(days(-100), true, all, now, 3)).toEqual({ ok: true, complete: true });
    expect(checkEarlyCompletion(days(-100), false, all, now, 3)).toMatchObject({ ok: false });
    const rel = { ...newRelationship(days(-100)), state: 'active' as const };
    expect(nextRelationshipState(rel, { type: 'complete_early', coordinatorId: 'C1' }, now)).toMatchObject({
      ok: true,
      relationship: { state: 'completed', ended: { early: true } },
    });
    expect(
      nextRelationshipState(
        { ...rel, confirmedAt: days(-30) },
        { type: 'complete_early', coordinatorId: 'C1' },
        now,
      ),
    ).toMatchObject({ ok: false, rule: 'R-END-1' });
  });
});
