import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';

describe('format', () => {
  it('writes dates one way: "March 4, 2027"', () => {
    expect(formatDate('2027-03-04')).toBe('March 4, 2027');
    expect(formatDate(null)).toBe('—');
  });

  it('writes a date and time with the time zone, in the same words', () => {
    expect(formatDateTime('2027-03-04T19:05:00.000Z')).toMatch(/^March 4, 2027, \d{1,2}:05 (AM|PM) \S+$/);
  });
});
