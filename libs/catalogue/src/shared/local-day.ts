import { zoneOffsetMs } from '@academy/platform';
import { CATALOGUE_TIME_ZONE } from '../catalogue.constants';

/** Minutes the zone is ahead of UTC at `at`. */
function offsetMinutes(at: Date, timeZone: string): number {
  return Math.round(zoneOffsetMs(at, timeZone) / 60_000);
}

/** Day starts already worked out, by zone and day: searches ask for the same few days over and over. */
const dayStarts = new Map<string, number>();
const MAX_DAY_STARTS = 10_000;

/** The instant a calendar day (YYYY-MM-DD) starts in Friesland. */
export function startOfLocalDay(day: string, timeZone = CATALOGUE_TIME_ZONE): Date {
  const key = `${timeZone} ${day}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start = computeStartOfLocalDay(day, timeZone).getTime();
    if (dayStarts.size >= MAX_DAY_STARTS) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return new Date(start);
}

function computeStartOfLocalDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const midnightUtc = Date.UTC(year, month - 1, date);
  const guess = new Date(midnightUtc - offsetMinutes(new Date(midnightUtc), timeZone) * 60_000);
  return new Date(midnightUtc - offsetMinutes(guess, timeZone) * 60_000);
}

/** The instant the day after `day` starts in Friesland (an exclusive upper bound). */
export function endOfLocalDay(day: string, timeZone = CATALOGUE_TIME_ZONE): Date {
  const [year, month, date] = day.split('-').map(Number);
  const next = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
  return startOfLocalDay(next, timeZone);
}

/** Whether a YYYY-MM-DD string names a real calendar day. */
export function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}
