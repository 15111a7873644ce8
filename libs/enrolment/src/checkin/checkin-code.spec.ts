import { CHECKIN_WINDOW_MS, checkinCode, checkinWindow, verifyCheckin } from './checkin-code';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const MINUTE = 60_000;
const startsAt = new Date('2026-03-05T18:30:00.000Z');
const meeting = {
  id: '0b5a6f0e-1111-4c2d-9a55-5f1d2b3c4d5e',
  startsAt,
  endsAt: new Date('2026-03-05T20:30:00.000Z'),
};
const at = (minutesFromStart: number) => new Date(startsAt.getTime() + minutesFromStart * MINUTE);
const codeAt = (when: Date, id = meeting.id) => checkinCode(SECRET, id, checkinWindow(when));

describe('QR check-in codes', () => {
  it('rotates every window and differs per meeting and per secret', () => {
    const now = at(0);
    expect(codeAt(now)).toBe(codeAt(new Date(now.getTime() + 1)));
    expect(codeAt(now)).not.toBe(codeAt(new Date(now.getTime() + CHECKIN_WINDOW_MS)));
    expect(codeAt(now)).not.toBe(codeAt(now, 'another-meeting'));
    expect(checkinCode('another-secret-of-thirty-two-characters', meeting.id, checkinWindow(now))).not.toBe(
      codeAt(now),
    );
    expect(codeAt(now)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('accepts the code of the current and the previous window only', () => {
    const now = at(5);
    expect(verifyCheckin(SECRET, meeting, codeAt(now), now)).toEqual({ ok: true, status: 'present' });
    const previous = new Date(now.getTime() - CHECKIN_WINDOW_MS);
    expect(verifyCheckin(SECRET, meeting, codeAt(previous), now).ok).toBe(true);
    const older = new Date(now.getTime() - 2 * CHECKIN_WINDOW_MS);
    expect(verifyCheckin(SECRET, meeting, codeAt(older), now)).toEqual({ ok: false, reason: 'code-expired' });
    const next = new Date(now.getTime() + CHECKIN_WINDOW_MS);
    expect(verifyCheckin(SECRET, meeting, codeAt(next), now)).toEqual({ ok: false, reason: 'code-expired' });
    expect(verifyCheckin(SECRET, meeting, 'made-up', now)).toEqual({ ok: false, reason: 'code-expired' });
    expect(verifyCheckin(SECRET, meeting, '', now).ok).toBe(false);
  });

  it('opens a quarter of an hour before the start and closes at the end', () => {
    expect(verifyCheckin(SECRET, meeting, codeAt(at(-16)), at(-16))).toEqual({
      ok: false,
      reason: 'not-open-yet',
    });
    expect(verifyCheckin(SECRET, meeting, codeAt(at(-15)), at(-15))).toEqual({ ok: true, status: 'present' });
    expect(verifyCheckin(SECRET, meeting, codeAt(at(120)), at(120)).ok).toBe(true);
    expect(verifyCheckin(SECRET, meeting, codeAt(at(121)), at(121))).toEqual({ ok: false, reason: 'over' });
  });

  it('counts a check-in more than ten minutes after the start as late', () => {
    expect(verifyCheckin(SECRET, meeting, codeAt(at(10)), at(10))).toEqual({ ok: true, status: 'present' });
    expect(verifyCheckin(SECRET, meeting, codeAt(at(11)), at(11))).toEqual({ ok: true, status: 'late' });
  });
});
