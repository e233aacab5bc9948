import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMeetingTime } from './format';

describe('format', () => {
  it('writes dates one way: "March 4, 2027"', () => {
    expect(formatDate('2027-03-04')).toBe('March 4, 2027');
    expect(formatDate(null)).toBe('—');
  });

  it("writes a date and time one way, in the reader's time zone with its name", () => {
    expect(formatDateTime('2027-03-04T19:05:00.000Z')).toBe('March 4, 2027, 7:05 PM UTC'); // tests read in UTC
    expect(formatDateTime('2027-03-04T19:05:00.000Z', 'America/Chicago')).toBe('March 4, 2027, 1:05 PM CST');
    expect(formatDateTime('2027-07-04T19:05:00.000Z', 'America/Chicago')).toBe('July 4, 2027, 2:05 PM CDT');
    expect(formatDateTime(null)).toBe('—');
  });

  it("R-MEET-2: a meeting in the reader's time zone, with its own zone's time in words only when that differs", () => {
    const at = '2027-03-04T15:00:00.000Z';
    expect(formatMeetingTime(at, 'America/New_York', 'America/New_York')).toBe('March 4, 2027, 10:00 AM EST');
    expect(formatMeetingTime(at, 'America/Detroit', 'America/New_York')).toBe('March 4, 2027, 10:00 AM EST');
    expect(formatMeetingTime(at, 'America/Los_Angeles', 'America/New_York')).toBe(
      "March 4, 2027, 10:00 AM EST (7:00 AM Pacific Standard Time, the meeting's time zone)",
    );
    expect(formatMeetingTime('2027-03-05T02:30:00.000Z', 'America/New_York', 'Europe/Berlin')).toBe(
      "March 5, 2027, 3:30 AM GMT+1 (March 4, 9:30 PM Eastern Standard Time, the meeting's time zone)",
    );
  });
});
