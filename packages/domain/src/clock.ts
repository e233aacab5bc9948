/** Calendar arithmetic in UTC; the clock is always a parameter (R-LIFE-8). */
export const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Same day-of-month `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(date.getTime());
  d.setUTCFullYear(y, m, Math.min(date.getUTCDate(), lastDay));
  return d;
}

/** True once `months` whole calendar months have passed since `from`. */
export function monthsHavePassed(from: Date, months: number, clock: Date): boolean {
  return clock.getTime() >= addMonths(from, months).getTime();
}
