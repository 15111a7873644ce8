import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long one code is shown before the next replaces it. */
export const CHECKIN_WINDOW_MS = 60_000;
/** The door opens a quarter of an hour before the meeting starts. */
export const CHECKIN_OPENS_BEFORE_MS = 15 * 60_000;
/** Checking in later than this after the start counts as late. */
export const CHECKIN_LATE_AFTER_MS = 10 * 60_000;

export const checkinWindow = (at: Date): number => Math.floor(at.getTime() / CHECKIN_WINDOW_MS);

/**
 * The code shown in the QR for a meeting and a time window: an HMAC with the app's secret, so nobody can make
 * one without it, and one meeting's code never opens another.
 */
export function checkinCode(secret: string, meetingId: string, window: number): string {
  return createHmac('sha256', secret)
    .update(`checkin:${meetingId}:${window}`)
    .digest('base64url')
    .slice(0, 22);
}

export interface CheckinMeeting {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

export type CheckinVerdict =
  { ok: true; status: 'present' | 'late' } | { ok: false; reason: 'not-open-yet' | 'over' | 'code-expired' };

/**
 * Whether a code scanned at `now` lets its holder check in: only while the meeting is on (from a quarter of an
 * hour before the start to its end), and only for the code of this window or the one before (a code that
 * changed while the phone was opening the page still works).
 */
export function verifyCheckin(
  secret: string,
  meeting: CheckinMeeting,
  code: string,
  now: Date,
): CheckinVerdict {
  if (now.getTime() < meeting.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS) {
    return { ok: false, reason: 'not-open-yet' };
  }
  if (now.getTime() > meeting.endsAt.getTime()) return { ok: false, reason: 'over' };
  const window = checkinWindow(now);
  const given = Buffer.from(code);
  const matches = [window, window - 1].some((w) => {
    const expected = Buffer.from(checkinCode(secret, meeting.id, w));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!matches) return { ok: false, reason: 'code-expired' };
  const late = now.getTime() > meeting.startsAt.getTime() + CHECKIN_LATE_AFTER_MS;
  return { ok: true, status: late ? 'late' : 'present' };
}
