import { cancellationDeadline, enrolmentRefusal, fillsFromWaitlist } from './session-rules';

const HOUR = 3_600_000;
const now = new Date('2026-03-02T10:00:00Z');
const session = (changes: Partial<Parameters<typeof enrolmentRefusal>[0]> = {}) => ({
  catalogueStatus: 'scheduled' as const,
  goDecision: null,
  enrolmentOpensAt: null,
  enrolmentClosesAt: null,
  firstStartsAt: new Date(now.getTime() + 72 * HOUR),
  lastEndsAt: new Date(now.getTime() + 74 * HOUR),
  cancellationDeadlineHours: 48,
  ...changes,
});

describe('session rules', () => {
  it('lets people enrol in a scheduled session without a window', () => {
    expect(enrolmentRefusal(session(), now)).toBeNull();
  });

  it('says plainly why enrolment is refused', () => {
    expect(enrolmentRefusal(session({ catalogueStatus: 'cancelled' }), now)).toMatch(/cancelled/);
    expect(enrolmentRefusal(session({ goDecision: 'cancelled' }), now)).toMatch(/cancelled/);
    expect(enrolmentRefusal(session({ firstStartsAt: now }), now)).toMatch(/already started/);
    expect(enrolmentRefusal(session({ enrolmentOpensAt: new Date(now.getTime() + HOUR) }), now)).toBe(
      'Enrolment for this session opens at 2026-03-02T11:00:00Z.',
    );
    expect(enrolmentRefusal(session({ enrolmentClosesAt: now }), now)).toMatch(/closed at/);
  });

  it('puts the cancellation deadline the given hours before the first meeting', () => {
    expect(cancellationDeadline(session()).toISOString()).toBe('2026-03-03T10:00:00.000Z');
  });

  it('stops filling freed seats once the session started or was cancelled', () => {
    expect(fillsFromWaitlist(session(), now)).toBe(true);
    expect(fillsFromWaitlist(session({ firstStartsAt: now }), now)).toBe(false);
    expect(fillsFromWaitlist(session({ goDecision: 'cancelled' }), now)).toBe(false);
  });
});
