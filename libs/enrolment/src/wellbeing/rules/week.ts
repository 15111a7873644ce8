/**
 * Calendar arithmetic for the rules. Weeks start on Monday in Europe/Amsterdam, whatever the server's clock
 * says; a week is named by its Monday as `YYYY-MM-DD`. Day arithmetic runs on UTC dates built from those
 * strings, so daylight saving never shifts a day.
 */
export const WEEK_TIME_ZONE = 'Europe/Amsterdam';

const DAY_MS = 24 * 60 * 60 * 1000;

const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: WEEK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (`YYYY-MM-DD`) an instant falls on in Friesland. */
export function localDay(at: Date): string {
  return amsterdamDate.format(at);
}

const asUtc = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return toDay(asUtc(day) + days * DAY_MS);
}

export function addWeeks(weekStart: string, weeks: number): string {
  return addDays(weekStart, weeks * 7);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((asUtc(to) - asUtc(from)) / DAY_MS);
}

/** The Monday of the week a calendar day belongs to. */
export function mondayOf(day: string): string {
  const weekday = new Date(asUtc(day)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The Monday, in Europe/Amsterdam, of the week that contains the instant. */
export function weekStartOf(at: Date): string {
  return mondayOf(localDay(at));
}
