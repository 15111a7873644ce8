import { type WallClock, wallClock as wallClockAt } from '@academy/platform';

/**
 * Dutch wall-clock time for the demo schedule: a meeting at 19:30 is at 19:30 in Friesland, summer or winter.
 * Civil dates are handled as whole days since the epoch so adding weeks never trips over daylight saving.
 */
const ZONE = 'Europe/Amsterdam';
const DAY_MS = 86_400_000;

function wallClock(instant: number): WallClock {
  return wallClockAt(new Date(instant), ZONE);
}

/** Minutes Amsterdam is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: number): number {
  const w = wallClock(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The civil date in Amsterdam at an instant, as whole days since 1970-01-01. */
export function amsterdamDay(instant: Date): number {
  const w = wallClock(instant.getTime());
  return Date.UTC(w.year, w.month - 1, w.day) / DAY_MS;
}

/** Day of the week of a civil day number: 0 Sunday … 6 Saturday. */
export function weekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/** Month (1–12) and day of month of a civil day number. */
export function monthAndDay(day: number): { month: number; dayOfMonth: number } {
  const date = new Date(day * DAY_MS);
  return { month: date.getUTCMonth() + 1, dayOfMonth: date.getUTCDate() };
}

/** The instant of a wall-clock time ("19:30") on a civil day in Amsterdam. */
export function amsterdamTime(day: number, time: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  const naive = day * DAY_MS + (hour * 60 + minute) * 60_000;
  // Two passes settle the offset on either side of a daylight-saving switch.
  let instant = naive - offsetMinutes(naive) * 60_000;
  instant = naive - offsetMinutes(instant) * 60_000;
  return new Date(instant);
}
