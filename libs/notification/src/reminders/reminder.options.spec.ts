import { digestOptionsFrom } from '../digest/digest.scheduler';
import { rosterOptionsFrom } from '../roster/roster.scheduler';
import { reminderOptionsFrom } from './reminder.options';

describe('options of the time-driven messages', () => {
  it('defaults to reminders two days and two hours before, rosters at 18:00, digests at 08:00', () => {
    expect(reminderOptionsFrom({})).toEqual({ offsetsMinutes: [2880, 120], pollMs: 15_000 });
    expect(rosterOptionsFrom({})).toEqual({ hour: 18, pollMs: 60_000 });
    expect(digestOptionsFrom({})).toEqual({ hour: 8, pollMs: 60_000 });
  });

  it('reads offsets in minutes, hours and days, nearest last, without repeats', () => {
    expect(reminderOptionsFrom({ REMINDER_OFFSETS: '30m, 1d,2h,1d', REMINDER_POLL_MS: '0' })).toEqual({
      offsetsMinutes: [1440, 120, 30],
      pollMs: 0,
    });
  });

  it('stops at a bad value and names its key, never the value', () => {
    expect(() => reminderOptionsFrom({ REMINDER_OFFSETS: '2 weeks' })).toThrow(/REMINDER_OFFSETS/);
    expect(() => reminderOptionsFrom({ REMINDER_OFFSETS: '0m' })).toThrow(/REMINDER_OFFSETS/);
    expect(() => reminderOptionsFrom({ REMINDER_POLL_MS: '-1' })).toThrow(/REMINDER_POLL_MS/);
    expect(() => rosterOptionsFrom({ ROSTER_HOUR: '24' })).toThrow(/ROSTER_HOUR/);
    expect(() => digestOptionsFrom({ DIGEST_HOUR: 'eight' })).toThrow(/DIGEST_HOUR/);
  });
});
