/** How many attempts a key has made in its current window. */
export interface AttemptCount {
  count: number;
  /** Milliseconds until the window (and so the count) ends; 0 when there is no window. */
  resetInMs: number;
}

/**
 * Counters of attempts per key in fixed windows that start at the first attempt. In memory for the
 * all-in-one, in Redis for the services so replicas share them.
 */
export interface LoginAttempts {
  peek(key: string): Promise<AttemptCount>;
  increment(key: string, windowMs: number): Promise<AttemptCount>;
  reset(key: string): Promise<void>;
}

export const LOGIN_ATTEMPTS = Symbol('LOGIN_ATTEMPTS');
