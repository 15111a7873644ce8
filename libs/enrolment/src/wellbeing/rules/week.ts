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

const HOUR_MS = 60 * 60 * 1000;
const dayByHour = new Map<number, string>();

/** The calendar day (`YYYY-MM-DD`) an instant falls on in Friesland. */
export function localDay(at: Date): string {
  // Intl formatting costs microseconds and the recovery rules ask it for every activity of every volunteer.
  // Amsterdam's offset is a whole number of hours, so its days start on a whole UTC hour: one answer per hour.
  const hour = Math.floor(at.getTime() / HOUR_MS);
  let day = dayByHour.get(hour);
  if (day === undefined) {
    if (dayByHour.size >= 100_000) dayByHour.clear();
    day = amsterdamDate.format(new Date(hour * HOUR_MS));
    dayByHour.set(hour, day);
  }
  return day;
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

let lastInstant = Number.NaN;
let lastMonday = '';

/** The Monday, in Europe/Amsterdam, of the week that contains the instant. */
export function weekStartOf(at: Date): string {
  // A nightly run asks this for one instant many thousand times; Intl formatting is the costly part.
  if (at.getTime() !== lastInstant) {
    lastMonday = mondayOf(localDay(at));
    lastInstant = at.getTime();
  }
  return lastMonday;
}
