/**
 * The wait before the next attempt after `attempts` failed ones: base, 2×base, 4×base, … up to `max`.
 * A little jitter spreads a burst of failures (an SMTP server that was down for everyone) over time.
 */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exponential = baseMs * 2 ** Math.max(0, attempts - 1);
  const jitter = 1 + (random() - 0.5) * 0.2;
  return Math.round(Math.min(exponential, maxMs) * jitter);
}

/** What happens after a failed attempt: another one later, or none (dead, for an admin to retry). */
export function afterFailure(
  attempts: number,
  options: { maxAttempts: number; backoffMs: number; backoffMaxMs: number },
  now: Date,
  random = Math.random,
): { status: 'failed'; at: Date } | { status: 'dead' } {
  if (attempts >= options.maxAttempts) return { status: 'dead' };
  return {
    status: 'failed',
    at: new Date(now.getTime() + backoffDelay(attempts, options.backoffMs, options.backoffMaxMs, random)),
  };
}
