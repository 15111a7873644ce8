import { afterFailure, backoffDelay } from './backoff';

const noJitter = () => 0.5;

describe('backoff', () => {
  it('doubles the wait with every failed attempt, up to the maximum', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, 1000, 10_000, noJitter))).toEqual([
      1000, 2000, 4000, 8000, 10_000,
    ]);
  });

  it('spreads waits by at most a tenth either way', () => {
    expect(backoffDelay(3, 1000, 60_000, () => 0)).toBe(3600);
    expect(backoffDelay(3, 1000, 60_000, () => 1)).toBe(4400);
  });

  it('gives up after the last attempt', () => {
    const options = { maxAttempts: 3, backoffMs: 1000, backoffMaxMs: 60_000 };
    const now = new Date('2026-11-28T10:00:00Z');
    expect(afterFailure(2, options, now, noJitter)).toEqual({
      status: 'failed',
      at: new Date('2026-11-28T10:00:02Z'),
    });
    expect(afterFailure(3, options, now, noJitter)).toEqual({ status: 'dead' });
  });
});
