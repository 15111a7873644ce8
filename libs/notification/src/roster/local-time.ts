import { wallClock } from '@academy/platform';

/** The academy's clock: rosters and digests go out at local times in Friesland. */
export const ACADEMY_TIME_ZONE = 'Europe/Amsterdam';

export interface LocalDate {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const parts = (date: Date, timeZone: string) => wallClock(date, timeZone);

/** The calendar day an instant falls on in the time zone. */
export function localDate(instant: Date, timeZone = ACADEMY_TIME_ZONE): LocalDate {
  const p = parts(instant, timeZone);
  return {
    year: p.year,
    month: p.month,
    day: p.day,
    weekday: new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay(),
  };
}

/** The instant of a wall-clock time on a calendar day in the time zone (daylight saving included). */
export function atLocalTime(
  date: Pick<LocalDate, 'year' | 'month' | 'day'>,
  hour: number,
  minute = 0,
  timeZone = ACADEMY_TIME_ZONE,
): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  let guess = wall;
  // Two rounds settle the offset, also on the days the clocks change.
  for (let i = 0; i < 2; i++) {
    const p = parts(new Date(guess), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess += wall - shown;
  }
  return new Date(guess);
}

/** The calendar day `days` after `date` (negative: before). */
export function addDays(date: Pick<LocalDate, 'year' | 'month' | 'day'>, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
  };
}
