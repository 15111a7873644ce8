import { ConfigError } from '@academy/platform';

export interface ReminderOptions {
  /** How long before each meeting a reminder goes out, in minutes (`REMINDER_OFFSETS`, default `2d,2h`). */
  offsetsMinutes: number[];
  /** How often due reminders are looked for (`REMINDER_POLL_MS`, default 15 s; 0 = off, tests drive runDue). */
  pollMs: number;
}

export const REMINDER_OPTIONS = Symbol('REMINDER_OPTIONS');

const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440 };

/** `2d,2h` → [2880, 120]; a bad value names its key. */
export function reminderOptionsFrom(env: Record<string, string | undefined> = process.env): ReminderOptions {
  const raw = env.REMINDER_OFFSETS?.trim() || '2d,2h';
  const offsets = raw.split(',').map((part) => {
    const match = /^(\d{1,4})([mhd])$/.exec(part.trim());
    if (!match) throw new ConfigError('REMINDER_OFFSETS', 'must be a list such as "2d,2h" (m, h or d).');
    return Number(match[1]) * UNIT_MINUTES[match[2]];
  });
  if (offsets.some((minutes) => minutes < 1 || minutes > 60 * 24 * 60)) {
    throw new ConfigError('REMINDER_OFFSETS', 'each offset must be from 1 minute to 60 days.');
  }
  const pollRaw = env.REMINDER_POLL_MS?.trim();
  if (pollRaw && (!/^\d+$/.test(pollRaw) || Number(pollRaw) > 3_600_000)) {
    throw new ConfigError('REMINDER_POLL_MS', 'must be a whole number of milliseconds up to 3600000.');
  }
  return {
    offsetsMinutes: [...new Set(offsets)].sort((a, b) => b - a),
    pollMs: pollRaw ? Number(pollRaw) : 15_000,
  };
}
