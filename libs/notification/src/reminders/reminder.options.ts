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
  return {
    offsetsMinutes: [...new Set(offsets)].sort((a, b) => b - a),
    pollMs: wholeOption(env, 'REMINDER_POLL_MS', 15_000, 3_600_000),
  };
}

/** A whole number from 0 to `max`, or the default when unset; anything else stops the app naming the key. */
export function wholeOption(
  env: Record<string, string | undefined>,
  key: string,
  fallback: number,
  max: number,
): number {
  const raw = env[key]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) {
    throw new ConfigError(key, `must be a whole number from 0 to ${max}.`);
  }
  return Number(raw);
}
