/** One date format for people ("March 4, 2027"), times with their time zone ("10:00 AM EST"). */
export function formatDate(d: Date, timeZone = 'America/New_York'): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone }).format(d);
}

export function formatWhen(d: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-US', {
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(d);
  return `${formatDate(d, timeZone)} at ${time}`;
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
