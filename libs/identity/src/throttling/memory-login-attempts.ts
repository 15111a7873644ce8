import type { AttemptCount, LoginAttempts } from './login-attempts';

const SWEEP_ABOVE = 10_000;

/** One process's counters (the all-in-one). Expired windows are swept lazily: no timers to keep alive. */
export class MemoryLoginAttempts implements LoginAttempts {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async peek(key: string): Promise<AttemptCount> {
    const window = this.live(key);
    return window
      ? { count: window.count, resetInMs: window.endsAt - this.now() }
      : { count: 0, resetInMs: 0 };
  }

  async increment(key: string, windowMs: number): Promise<AttemptCount> {
    const window = this.live(key) ?? { count: 0, endsAt: this.now() + windowMs };
    window.count += 1;
    this.windows.set(key, window);
    if (this.windows.size > SWEEP_ABOVE) this.sweep();
    return { count: window.count, resetInMs: window.endsAt - this.now() };
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private live(key: string): { count: number; endsAt: number } | undefined {
    const window = this.windows.get(key);
    if (window && window.endsAt <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}
